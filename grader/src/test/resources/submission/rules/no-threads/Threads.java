import java.util.List;
import java.util.concurrent.*;

class Threads {
  // new Thread(() -> {}).start() would start a thread
  static final String HINT = "Executors.newFixedThreadPool";

  void start() {
    new Thread(() -> {}).start(); /*FLAG*/
  }

  Object pool() {
    return Executors.newFixedThreadPool(2); /*FLAG*/
  }

  long parallel(List<Integer> xs) {
    return xs.parallelStream().count(); /*FLAG*/
  }

  void nap() throws InterruptedException {
    Thread.sleep(1); // sleeping is not starting a thread
  }

  static class Worker extends Thread { /*FLAG*/
    @Override
    public void run() {}
  }
}
