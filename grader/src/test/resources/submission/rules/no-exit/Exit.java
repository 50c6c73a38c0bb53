import static java.lang.System.exit;

import java.util.function.IntConsumer;

class Exit {
  // System.exit(1) would end the JVM
  static final String HINT = "System.exit(0)";

  void quit() {
    System.exit(1); /*FLAG*/
  }

  void quietly() {
    exit(2); /*FLAG*/
  }

  IntConsumer later() {
    return System::exit; /*FLAG*/
  }

  void halt() {
    Runtime.getRuntime().halt(3); /*FLAG*/
  }

  long now() {
    return System.nanoTime();
  }
}
