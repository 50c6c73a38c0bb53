public class Other {
  public int value() {
    return new Good().value() + 1;
  }
}
