package org.mlgrade.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.mlgrade.harness.Channel.Kind;
import org.mlgrade.harness.Implementations.Resolution;

/**
 * The child JVM's main class: {@code java -cp HARNESS org.mlgrade.harness.Harness REQUEST_FILE}.
 *
 * <p>It reads and deletes the request file (so that student code never sees the protocol token),
 * routes {@code System.out} and {@code System.err} into capped per-call captures and loads the API
 * in its own class loader (whose parent is the platform loader, so student code does not see the
 * harness by name). It loads the student's classes in a class loader whose parent is the API's, and
 * creates a fresh instance for every call. A loader serves the next call too only when the
 * student's classes cannot carry state in a static field ({@link StaticState}: only constants) and
 * the call returned normally; otherwise the next call gets a new loader. Either way no static field
 * carries state from one call to the next and results do not depend on the order of the calls. It
 * calls the student's method reflectively and announces {@code RESULT}. Once warmed up, before any
 * student class is loaded, it announces {@code READY}; from then on the calls run back to back, so
 * that the grader times each one from the line before its result to its result. After the last call
 * it halts the JVM, so that threads or shutdown hooks left by student code cannot keep it alive.
 * The grader enforces every time limit from outside; the harness enforces none and reports no time.
 */
public final class Harness {

  /** Exit status when the request file cannot be read. */
  public static final int EXIT_BAD_REQUEST = 64;

  /** Exit status when the protocol channel is broken. */
  public static final int EXIT_CHANNEL_BROKEN = 70;

  /** Exit status after an out-of-memory call, so that the grader starts a fresh JVM. */
  public static final int EXIT_AFTER_OUT_OF_MEMORY = 71;

  /** Longest message reported for a call (an exception with its causes and frames). */
  public static final int MAX_MESSAGE_CHARS = 8_000;

  private final Request.Received request;
  private final Channel channel;
  private final Capture out;
  private final Capture err;
  private volatile int current = -1;
  private byte[] reserve = new byte[1 << 20];
  private ClassLoader apiLoader;
  private Implementations implementations;

  private Harness(Request.Received request) {
    this.request = request;
    this.channel = new Channel(request.token());
    this.out = new Capture(request.outputBytes(), this::flooded);
    this.err = new Capture(request.outputBytes(), this::flooded);
  }

  /** Runs the calls of the request file named by {@code args[0]}. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java org.mlgrade.harness.Harness REQUEST_FILE");
      Runtime.getRuntime().halt(EXIT_BAD_REQUEST);
    }
    Path file = Path.of(args[0]);
    Request.Received request = null;
    try {
      request = Request.read(Files.readAllBytes(file));
    } catch (IOException e) {
      System.err.println("harness: cannot read the request " + file + ": " + e);
      Runtime.getRuntime().halt(EXIT_BAD_REQUEST);
    }
    try {
      Files.delete(file);
    } catch (IOException e) {
      System.err.println("harness: cannot delete the request " + file + ": " + e);
    }
    new Harness(request).run();
  }

  private void run() {
    System.setIn(InputStream.nullInputStream());
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    apiLoader = apiLoader();
    Path studentDir = Path.of(request.studentDir());
    Set<String> studentClasses = Implementations.list(studentDir);
    warmUp();
    if (!request.calls().isEmpty()) {
      channel.send(Kind.READY, request.calls().get(0).index(), null);
    }
    Implementations reusable = null;
    for (Request.ReceivedCall call : request.calls()) {
      if (reusable == null) {
        ClassLoader loader = studentLoader(studentDir);
        Thread.currentThread().setContextClassLoader(loader);
        implementations = new Implementations(loader, studentClasses);
      }
      Report report = runOne(call);
      // The loader serves the next call too only after a call that returned normally, and only
      // when no student class can carry state in a static field: then every call still sees
      // the classes as if freshly loaded, but they are defined (and compiled) once.
      reusable =
          "RETURNED".equals(report.status()) && implementations.stateless()
              ? implementations
              : null;
      channel.send(Kind.RESULT, call.index(), report);
      if ("OUT_OF_MEMORY".equals(report.status())) {
        Runtime.getRuntime().halt(EXIT_AFTER_OUT_OF_MEMORY);
      }
    }
    channel.send(Kind.DONE, -1, null);
    Runtime.getRuntime().halt(0);
  }

  /**
   * Loads and runs the codec's and the channel's classes before the first call, so that their
   * start-up time is not charged to the student's first test (and so that they are in the
   * class-data archive, which holds what the harness loads before {@code READY}).
   */
  private void warmUp() {
    try {
      // A record with an enum, arrays and a list, as the API's inputs are.
      byte[] json =
          ("{\"kind\":\"B\",\"rows\":[[1.5,-2e-3,NaN,0.30000000000000004]],"
                  + "\"sizes\":[3],\"parts\":[],\"name\":\"a\\\"b\",\"flag\":true,\"count\":-7}")
              .getBytes(StandardCharsets.UTF_8);
      Object input = ValueDecoder.decode(json, 0, json.length, WarmUpInput.class);
      String encoded = ValueEncoder.encode(input, 1024);
      Channel.json(new Report("RETURNED", encoded, "", "", ""));
    } catch (IOException e) {
      throw new IllegalStateException("the codec does not work in the child", e);
    }
  }

  /** What {@link #warmUp} decodes: shaped like the API's input records. */
  private record WarmUpInput(
      WarmUpKind kind,
      double[][] rows,
      int[] sizes,
      List<WarmUpInput> parts,
      String name,
      boolean flag,
      long count) {}

  private enum WarmUpKind {
    A,
    B
  }

  /** The API (and any extra directories): every class path entry but the student's classes. */
  private ClassLoader apiLoader() {
    List<URL> urls = new ArrayList<>();
    for (String entry : request.classpath()) {
      if (!Path.of(entry).equals(Path.of(request.studentDir()))) {
        urls.add(url(entry));
      }
    }
    return new URLClassLoader(
        "api", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /**
   * A new loader of the student's classes: classes loaded by an earlier loader, and their static
   * fields, are not seen. Parent first, so the API cannot be shadowed.
   */
  private ClassLoader studentLoader(Path studentDir) {
    return new URLClassLoader("student", new URL[] {url(studentDir.toString())}, apiLoader);
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad classpath entry " + entry, e);
    }
  }

  private Report runOne(Request.ReceivedCall call) {
    out.begin();
    err.begin();
    current = call.index();
    Outcome outcome;
    try {
      outcome = call(call);
    } catch (OutOfMemoryError e) {
      reserve = null;
      outcome = new Outcome("OUT_OF_MEMORY", null, Failures.headline(e));
    } catch (StackOverflowError e) {
      outcome = new Outcome("STACK_OVERFLOW", null, describe(e));
    } catch (Throwable e) {
      outcome = new Outcome("THREW", null, describe(e));
    }
    current = -1;
    return new Report(
        outcome.status(),
        outcome.outputJson(),
        Failures.cap(outcome.message(), MAX_MESSAGE_CHARS),
        out.end(),
        err.end());
  }

  /** The status, the encoded value (or null) and the message of one call. */
  private record Outcome(String status, String outputJson, String message) {}

  private Outcome call(Request.ReceivedCall call) throws Throwable {
    Resolution resolution = implementations.resolve(call.solverInterface());
    if (resolution.type() == null) {
      return new Outcome(resolution.status(), null, resolution.message());
    }
    Method method = method(resolution.solverInterface(), call.method());
    Type inputType = method.getGenericParameterTypes()[0];
    Object input;
    try {
      input = call.input(inputType);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the grader's input does not fit " + inputType.getTypeName() + ": " + e.getMessage(), e);
    }
    Object instance;
    Class<?> type = resolution.type();
    try {
      Constructor<?> constructor = type.getConstructor();
      instance = constructor.newInstance();
    } catch (NoSuchMethodException e) {
      return cannotInstantiate(type.getName() + " has no public constructor without arguments");
    } catch (InvocationTargetException e) {
      return failure(
          e.getCause(), "CANNOT_INSTANTIATE", "the constructor of " + type.getName() + " threw ");
    } catch (ExceptionInInitializerError e) {
      return failure(
          e.getCause() == null ? e : e.getCause(),
          "CANNOT_INSTANTIATE",
          "the static initializer of " + type.getName() + " threw ");
    } catch (LinkageError | ReflectiveOperationException e) {
      return cannotInstantiate("cannot create " + type.getName() + ": " + describe(e));
    }
    Object result;
    try {
      result = method.invoke(instance, input);
    } catch (InvocationTargetException e) {
      return failure(e.getCause(), "THREW", "");
    }
    // Encoded into a bounded buffer that gives up past the limit: a huge answer costs neither
    // the child's heap nor the pipe nor the grader's heap. What the student's code throws while
    // it is encoded (a list whose iterator throws) propagates: the call threw.
    String json;
    try {
      json = ValueEncoder.encode(result, call.maxAnswerChars());
    } catch (JsonWriter.Overflow e) {
      return new Outcome(
          "ANSWER_TOO_LARGE",
          null,
          "the returned value is longer than any answer to this test can be: " + e.getMessage());
    }
    return new Outcome("RETURNED", json, "");
  }

  private static Method method(Class<?> solver, String name) {
    Method found = null;
    for (Method method : solver.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        if (found != null) {
          throw new IllegalStateException(solver.getName() + " has several methods " + name);
        }
        found = method;
      }
    }
    if (found == null) {
      throw new IllegalStateException(
          solver.getName() + " has no method " + name + " with one parameter");
    }
    return found;
  }

  private Outcome failure(Throwable cause, String status, String prefix) {
    if (cause instanceof OutOfMemoryError) {
      reserve = null;
      return new Outcome("OUT_OF_MEMORY", null, prefix + Failures.headline(cause));
    }
    if (cause instanceof StackOverflowError) {
      return new Outcome("STACK_OVERFLOW", null, prefix + describe(cause));
    }
    return new Outcome(status, null, prefix + describe(cause));
  }

  private static Outcome cannotInstantiate(String message) {
    return new Outcome("CANNOT_INSTANTIATE", null, message);
  }

  private String describe(Throwable thrown) {
    return Failures.describe(thrown, implementations.classNames());
  }

  /**
   * The current call printed past the limit: report it with what was kept and stop the printing
   * thread; the grader stops the JVM on receipt.
   */
  private void flooded() {
    int index = current;
    if (index < 0) {
      return;
    }
    channel.send(
        Kind.FLOOD,
        index,
        new Report(
            "OUTPUT_FLOOD",
            null,
            "printed more than " + request.outputBytes() + " bytes",
            out.text(),
            err.text()));
    while (true) {
      LockSupport.park(this);
    }
  }
}
