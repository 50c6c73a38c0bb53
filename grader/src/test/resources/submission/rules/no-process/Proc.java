class Proc {
  // Runtime.getRuntime().exec("id") would run a program
  static final String HINT = "new ProcessBuilder(\"id\").start()";

  void run() throws Exception {
    Runtime.getRuntime().exec(new String[] {"id"}); /*FLAG*/
    new ProcessBuilder("id").start(); /*FLAG*/
  }

  long memory() {
    return Runtime.getRuntime().totalMemory();
  }
}
