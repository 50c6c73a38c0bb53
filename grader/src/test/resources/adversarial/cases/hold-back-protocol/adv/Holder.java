package adv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/** An output stream that holds protocol lines back until a RESULT or DONE line comes. */
final class Holder extends OutputStream {

  private final OutputStream real;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();

  private Holder(OutputStream real) {
    this.real = real;
  }

  /** Swaps the harness channel's stream for a holder; says what it did. */
  static String install() {
    try {
      Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
      Field filterOut = java.io.FilterOutputStream.class.getDeclaredField("out");
      Object capture = unsafe.getObject(System.out, unsafe.objectFieldOffset(filterOut));
      Field listener = capture.getClass().getDeclaredField("listener");
      listener.setAccessible(true);
      Object lambda = listener.get(capture);
      for (Field f : lambda.getClass().getDeclaredFields()) {
        f.setAccessible(true);
        Object harness = f.get(lambda);
        Field channelField = harness.getClass().getDeclaredField("channel");
        channelField.setAccessible(true);
        Object channel = channelField.get(harness);
        Field out = channel.getClass().getDeclaredField("out");
        long offset = unsafe.objectFieldOffset(out);
        OutputStream real = (OutputStream) unsafe.getObject(channel, offset);
        unsafe.putObject(channel, offset, new Holder(real));
        return "HELD the channel's stream";
      }
      return "no harness found";
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "reflection refused: " + e;
    }
  }

  /** Computes until this thread has used {@code millis} of CPU time; returns what it used. */
  static long spinCpuMillis(long millis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long used = 0;
    double sink = 0;
    while (used < millis * 1_000_000L) {
      for (int i = 0; i < 100_000; i++) {
        sink += Math.sqrt(i + sink);
      }
      used = threads.getCurrentThreadCpuTime() - start;
    }
    return sink < 0 ? -1 : used / 1_000_000L;
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    String text = new String(bytes, offset, length, StandardCharsets.US_ASCII);
    if (text.contains(" RESULT ") || text.contains(" DONE ")) {
      real.write(held.toByteArray());
      held.reset();
      real.write(bytes, offset, length);
      real.flush();
    } else {
      held.write(bytes, offset, length);
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void flush() {}
}
