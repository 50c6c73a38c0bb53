package adv;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Finds the harness's protocol token through System.out and writes forged protocol lines. */
final class Forger {

  private Forger() {}

  static String stealToken() {
    try {
      Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
      Field out = java.io.FilterOutputStream.class.getDeclaredField("out");
      Object capture = unsafe.getObject(System.out, unsafe.objectFieldOffset(out));
      System.out.println("capture is " + capture.getClass().getName());
      Field limit = capture.getClass().getDeclaredField("limit");
      limit.setAccessible(true);
      unsafe.putInt(capture, unsafe.objectFieldOffset(limit), Integer.MAX_VALUE);
      Field listener = capture.getClass().getDeclaredField("listener");
      listener.setAccessible(true);
      Object lambda = listener.get(capture);
      for (Field f : lambda.getClass().getDeclaredFields()) {
        f.setAccessible(true);
        Object harness = f.get(lambda);
        Field channelField = harness.getClass().getDeclaredField("channel");
        channelField.setAccessible(true);
        Object channel = channelField.get(harness);
        Field tokenField = channel.getClass().getDeclaredField("token");
        tokenField.setAccessible(true);
        Field current = harness.getClass().getDeclaredField("current");
        current.setAccessible(true);
        CURRENT[0] = current.getInt(harness);
        return (String) tokenField.get(channel);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.out.println("reflection refused: " + e);
    }
    return null;
  }

  private static final int[] CURRENT = {-1};

  static void forge(String token) {
    int index = CURRENT[0];
    String passed = "{\"status\":\"PASSED\",\"outputJson\":\"{\\\"score\\\":100}\","
        + "\"message\":\"\",\"elapsedNanos\":1,\"stdout\":\"FORGED with the stolen token\",\"stderr\":\"\"}";
    String returned = "{\"status\":\"RETURNED\",\"outputJson\":\"{\\\"outputs\\\":[]}\","
        + "\"message\":\"\",\"elapsedNanos\":-5,\"stdout\":\"\",\"stderr\":\"\"}";
    StringBuilder lines = new StringBuilder();
    lines.append(line(token, "RESULT", index, passed));
    lines.append(line(token, "RESULT", index + 1, returned));
    lines.append(line(token, "START", index + 2, null));
    lines.append(line(token, "RESULT", index + 2, returned));
    lines.append(line(token, "DONE", -1, null));
    try {
      FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
      raw.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
      raw.flush();
    } catch (IOException e) {
      System.out.println("cannot forge: " + e);
    }
  }

  private static String line(String token, String kind, int index, String json) {
    String payload = json == null ? ""
        : Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return "\n" + token + " " + kind + " " + index + " " + payload + "\n";
  }
}
