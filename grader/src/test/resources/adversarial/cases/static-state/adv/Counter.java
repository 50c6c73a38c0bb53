package adv;

/** Static state in a helper class. */
final class Counter {

  static int calls;

  private Counter() {}
}
