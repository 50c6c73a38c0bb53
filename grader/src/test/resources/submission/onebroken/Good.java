public class Good {
  public int value() {
    return 1;
  }
}
