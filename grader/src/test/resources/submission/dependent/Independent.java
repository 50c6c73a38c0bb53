public class Independent {
  public int value() {
    return 42;
  }
}
