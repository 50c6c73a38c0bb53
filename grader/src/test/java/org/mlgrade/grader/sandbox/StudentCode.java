package org.mlgrade.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles tiny student submissions, and the fake API they implement, for the sandbox's tests. */
final class StudentCode {

  static final String SOLVER = "org.mlgrade.api.testfake.Squarer";
  static final String METHOD = "square";

  /** A fake student API: squares a number; the note tells the test solution how to misbehave. */
  static final String FAKE_API = """
      package org.mlgrade.api.testfake;

      public interface Squarer {
        record In(double x, String note) {}
        record Out(double y) {}
        Out square(In in);
      }
      """;

  /** One solution that does what the input's note says: return, throw, loop, exit, flood... */
  static final String SOLUTION = """
      package student;

      import java.io.*;
      import java.net.Socket;
      import java.nio.charset.StandardCharsets;
      import java.nio.file.*;
      import java.util.*;
      import org.mlgrade.api.testfake.Squarer;

      public class Solution implements Squarer {
        static volatile boolean forever = true;

        public Out square(In in) {
          String note = in.note();
          try {
            if (note.startsWith("read:")) return new Out(read(note.substring(5)));
            if (note.startsWith("class:")) return new Out(load(note.substring(6)));
            if (note.startsWith("connect:")) return new Out(connect(note.substring(8)));
            if (note.startsWith("cpu:")) return new Out(spinCpu(Long.parseLong(note.substring(4))));
            if (note.startsWith("sleep:")) { sleepMillis(Long.parseLong(note.substring(6))); return new Out(in.x() * in.x()); }
            switch (note) {
              case "print": System.out.println("hello from student"); System.err.println("careful"); break;
              case "throw": throw new IllegalArgumentException("negative input " + in.x());
              case "loop": spin(); break;
              case "exit": System.exit(3); break;
              case "halt": Runtime.getRuntime().halt(4); break;
              case "oom": return new Out(hog());
              case "directoom": return new Out(hogDirect());
              case "recurse": return new Out(depth(0));
              case "flood": while (forever) System.out.println("spam spam spam spam spam"); break;
              case "rawflood": rawFlood(); break;
              case "fake": fake(); break;
              case "thread": linger(); break;
              case "hold": System.out.println(Holder.install()); break;
              case "stdin": return new Out(System.in.read() + new FileInputStream(FileDescriptor.in).read());
              default: break;
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return new Out(in.x() * in.x());
        }

        static void spin() { long n = 0; while (forever) n++; }

        static double hog() {
          List<long[]> kept = new ArrayList<>();
          while (forever) kept.add(new long[1 << 20]);
          return kept.size();
        }

        static double hogDirect() {
          List<java.nio.ByteBuffer> kept = new ArrayList<>();
          while (forever) kept.add(java.nio.ByteBuffer.allocateDirect(16 << 20));
          return kept.size();
        }

        static int depth(int n) { return depth(n + 1) + 1; }

        static void rawFlood() throws IOException {
          FileOutputStream out = new FileOutputStream(FileDescriptor.out);
          byte[] line = "raw spam raw spam raw spam\\n".getBytes(StandardCharsets.US_ASCII);
          while (forever) out.write(line);
        }

        static void fake() throws IOException {
          String report = Base64.getEncoder().encodeToString(
              "{\\"status\\":\\"RETURNED\\",\\"outputJson\\":\\"{\\\\\\"y\\\\\\":1000.0}\\",\\"message\\":\\"\\",\\"stdout\\":\\"\\",\\"stderr\\":\\"\\"}"
                  .getBytes(StandardCharsets.UTF_8));
          String[] lies = {
            "RESULT 0 " + report, "RESULT 1 " + report, "START 1 ", "DONE -1 ",
            "0123456789abcdef0123456789abcdef RESULT 0 " + report,
            "0123456789abcdef0123456789abcdef RESULT 1 " + report,
          };
          FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
          for (String lie : lies) {
            System.out.println(lie);
            raw.write(("\\n" + lie + "\\n").getBytes(StandardCharsets.US_ASCII));
          }
          raw.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\\n'});
          byte[] longLine = new byte[100_000];
          Arrays.fill(longLine, (byte) 'x');
          raw.write(longLine);
          raw.write(new byte[] {(byte) 0xE2, (byte) 0x82});
        }

        static void linger() {
          Thread sleeper = new Thread(() -> { while (forever) sleep(); });
          sleeper.setDaemon(false);
          sleeper.start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (forever) sleep(); }));
        }

        static void sleep() {
          try { Thread.sleep(1000); } catch (InterruptedException e) { }
        }

        static void sleepMillis(long millis) {
          try { Thread.sleep(millis); } catch (InterruptedException e) { }
        }

        /** Computes until this thread has used {@code millis} of CPU time. */
        static double spinCpu(long millis) {
          var threads = java.lang.management.ManagementFactory.getThreadMXBean();
          long start = threads.getCurrentThreadCpuTime();
          double sink = 0;
          while (threads.getCurrentThreadCpuTime() - start < millis * 1_000_000L) {
            for (int i = 0; i < 100_000; i++) sink += Math.sqrt(i + sink);
          }
          return sink < 0 ? -1 : 7;
        }

        /**
         * The clock trick of issue 13: swaps the harness channel's final output stream, through
         * Unsafe, for one that holds protocol lines back until the next RESULT line.
         */
        static final class Holder extends OutputStream {
          private final OutputStream real;
          private final ByteArrayOutputStream held = new ByteArrayOutputStream();

          Holder(OutputStream real) { this.real = real; }

          static String install() {
            try {
              java.lang.reflect.Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
              theUnsafe.setAccessible(true);
              sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
              Object capture = unsafe.getObject(System.out,
                  unsafe.objectFieldOffset(FilterOutputStream.class.getDeclaredField("out")));
              java.lang.reflect.Field listener = capture.getClass().getDeclaredField("listener");
              listener.setAccessible(true);
              Object lambda = listener.get(capture);
              java.lang.reflect.Field captured = lambda.getClass().getDeclaredFields()[0];
              captured.setAccessible(true);
              Object harness = captured.get(lambda);
              java.lang.reflect.Field channelField = harness.getClass().getDeclaredField("channel");
              channelField.setAccessible(true);
              Object channel = channelField.get(harness);
              long offset = unsafe.objectFieldOffset(channel.getClass().getDeclaredField("out"));
              unsafe.putObject(channel, offset, new Holder((OutputStream) unsafe.getObject(channel, offset)));
              return "HELD";
            } catch (ReflectiveOperationException | RuntimeException e) {
              return "refused: " + e;
            }
          }

          @Override
          public synchronized void write(byte[] b, int off, int len) throws IOException {
            String text = new String(b, off, len, StandardCharsets.US_ASCII);
            if (text.contains(" RESULT ") || text.contains(" DONE ")) {
              real.write(held.toByteArray());
              held.reset();
              real.write(b, off, len);
              real.flush();
            } else {
              held.write(b, off, len);
            }
          }

          @Override
          public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
        }

        static double read(String path) {
          try {
            Path p = Paths.get(path);
            if (Files.isDirectory(p)) {
              try (var list = Files.list(p)) { return list.count() >= 0 ? 1 : 1; }
            }
            return Files.readAllBytes(p).length >= 0 ? 1 : 1;
          } catch (IOException | RuntimeException e) {
            return 0;
          }
        }

        static double load(String name) {
          try {
            Class.forName(name);
            return 1;
          } catch (ClassNotFoundException | LinkageError e) {
            try {
              ClassLoader.getSystemClassLoader().loadClass(name);
              return 2;
            } catch (ClassNotFoundException | LinkageError f) {
              return 0;
            }
          }
        }

        static double connect(String port) {
          try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
            return 1;
          } catch (IOException e) {
            return 0;
          }
        }
      }
      """;

  private StudentCode() {}

  /** Compiles {@link #FAKE_API} into {@code out} against the real API. */
  static Path compileFakeApi(Path out, ChildClasspath classpath) {
    return compile(Map.of("org.mlgrade.api.testfake.Squarer", FAKE_API), out,
        List.of(classpath.api()));
  }

  /**
   * Compiles {@code sources} (binary name to source text) into {@code out}, like the grader does:
   * against the API only, without annotation processing.
   */
  static Path compile(Map<String, String> sources, Path out, List<Path> classpath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new Source(name, text)));
    StringWriter diagnostics = new StringWriter();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = List.of("-d", out.toString(), "-proc:none", "--release", "17",
        "-classpath", classpath.stream().map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator)));
    Boolean ok = javac.getTask(diagnostics, null, null, options, null, units).call();
    if (!ok) {
      throw new IllegalStateException("test sources do not compile:\n" + diagnostics);
    }
    return out;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String name, String text) {
      super(URI.create("string:///" + name.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
