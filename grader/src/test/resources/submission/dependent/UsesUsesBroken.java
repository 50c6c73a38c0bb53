public class UsesUsesBroken {
  public int value() {
    return new UsesBroken().value() + 1;
  }
}
