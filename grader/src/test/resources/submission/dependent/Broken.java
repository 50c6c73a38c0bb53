public class Broken {
  public int value() {
    int x = 1
    return x;
  }
}
