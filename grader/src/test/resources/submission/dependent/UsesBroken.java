public class UsesBroken {
  public int value() {
    return new Broken().value() * 2;
  }
}
