package org.mlgrade.grader.submission;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A static-check rule a rubric can name in its {@code forbidden} list. Each rule lists the
 * packages, types and members of the JDK it forbids; the check runs on the compiler's attributed
 * syntax trees, so a wildcard import, a fully qualified name, a static import or a method
 * reference is caught, and a comment or string that merely mentions an API is not.
 *
 * <p>Members are written {@code owner#name} (any overload) or {@code owner#name(firstParam)}
 * (overloads whose first parameter has that erased type); constructors are named {@code <init>}.
 * A member rule also catches the member when it is reached through a subtype (a class that
 * extends {@code Thread} and is constructed, a list's {@code parallelStream()}).
 */
public enum StaticRule {

  /** Sockets, URLs, HTTP clients and other networking. */
  NO_NETWORK("no-network", "network access",
      List.of("java.net", "javax.net", "jdk.net", "com.sun.net", "sun.net", "java.rmi",
          "javax.rmi"),
      List.of("java.nio.channels.SocketChannel", "java.nio.channels.ServerSocketChannel",
          "java.nio.channels.DatagramChannel", "java.nio.channels.AsynchronousSocketChannel",
          "java.nio.channels.AsynchronousServerSocketChannel",
          "java.nio.channels.NetworkChannel", "java.nio.channels.MulticastChannel"),
      List.of()),

  /** Starting other programs, or loading native code. */
  NO_PROCESS("no-process", "starting processes",
      List.of(),
      List.of("java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle"),
      List.of("java.lang.Runtime#exec", "java.lang.Runtime#load", "java.lang.Runtime#loadLibrary",
          "java.lang.System#load", "java.lang.System#loadLibrary")),

  /** Reflection, method handles, class loaders and {@code Unsafe}. */
  NO_REFLECTION("no-reflection", "reflection",
      List.of("java.lang.reflect", "java.lang.invoke", "sun.misc", "sun.reflect", "jdk.internal",
          "jdk.unsupported"),
      List.of("java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer",
          "java.lang.StackWalker"),
      List.of("java.lang.Class#forName", "java.lang.Class#newInstance",
          "java.lang.Class#getClassLoader", "java.lang.Class#getModule",
          "java.lang.Class#getField", "java.lang.Class#getFields",
          "java.lang.Class#getDeclaredField", "java.lang.Class#getDeclaredFields",
          "java.lang.Class#getMethod", "java.lang.Class#getMethods",
          "java.lang.Class#getDeclaredMethod", "java.lang.Class#getDeclaredMethods",
          "java.lang.Class#getConstructor", "java.lang.Class#getConstructors",
          "java.lang.Class#getDeclaredConstructor", "java.lang.Class#getDeclaredConstructors",
          "java.lang.Class#getRecordComponents", "java.lang.Class#getEnclosingMethod",
          "java.lang.Class#getEnclosingConstructor")),

  /** Reading or writing files. */
  NO_FILE_IO("no-file-io", "file access",
      List.of("java.nio.file"),
      List.of("java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream",
          "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
          "java.io.FileDescriptor", "java.io.FileFilter", "java.io.FilenameFilter",
          "java.nio.channels.FileChannel", "java.nio.channels.AsynchronousFileChannel",
          "java.util.zip.ZipFile", "java.util.jar.JarFile"),
      List.of("java.io.PrintWriter#<init>(java.lang.String)",
          "java.io.PrintStream#<init>(java.lang.String)",
          "java.util.Formatter#<init>(java.lang.String)")),

  /** Ending the JVM. */
  NO_EXIT("no-exit", "ending the program",
      List.of(),
      List.of(),
      List.of("java.lang.System#exit", "java.lang.Runtime#exit", "java.lang.Runtime#halt")),

  /** Starting threads, thread pools, timers and parallel streams. */
  NO_THREADS("no-threads", "starting threads",
      List.of(),
      List.of("java.lang.ThreadGroup", "java.util.Timer", "java.util.concurrent.Executor",
          "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
          "java.util.concurrent.Executors", "java.util.concurrent.ForkJoinPool",
          "java.util.concurrent.ForkJoinTask", "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ThreadFactory",
          "java.util.concurrent.CompletionService",
          "java.util.concurrent.CompletableFuture"),
      List.of("java.lang.Thread#<init>", "java.lang.Thread#start",
          "java.util.Collection#parallelStream", "java.util.stream.BaseStream#parallel",
          "java.util.Arrays#parallelSort", "java.util.Arrays#parallelSetAll",
          "java.util.Arrays#parallelPrefix")),

  /**
   * Opening jars and zips, and making classes out of bytes: how a submission would load the
   * reference solutions from a copy of the grader it can read. Always checked.
   */
  NO_CLASS_LOADING("no-class-loading", "loading classes from jars or bytes",
      List.of(),
      List.of("java.util.zip.ZipFile", "java.util.jar.JarFile", "java.util.zip.ZipInputStream",
          "java.util.jar.JarInputStream", "java.net.URLClassLoader",
          "java.security.SecureClassLoader"),
      List.of("java.lang.ClassLoader#defineClass", "java.lang.ClassLoader#<init>",
          "java.lang.invoke.MethodHandles.Lookup#defineClass",
          "java.lang.invoke.MethodHandles.Lookup#defineHiddenClass",
          "java.lang.invoke.MethodHandles.Lookup#defineHiddenClassWithClassData")),

  /**
   * Naming {@code /proc} in a string literal: how a submission finds the grader's command line,
   * environment and files. A name built at run time is not seen. Always checked.
   */
  NO_PROC("no-proc", "reading /proc", List.of(), List.of(), List.of(), List.of("/proc"));

  /** The rules checked whatever the rubric says: their findings are always reported. */
  public static final Set<StaticRule> ALWAYS = Set.of(NO_CLASS_LOADING, NO_PROC);

  private final String id;
  private final String what;
  private final List<String> packages;
  private final Set<String> types;
  private final Set<String> members;
  private final List<String> literalPrefixes;

  StaticRule(String id, String what, List<String> packages, List<String> types,
      List<String> members) {
    this(id, what, packages, types, members, List.of());
  }

  StaticRule(String id, String what, List<String> packages, List<String> types,
      List<String> members, List<String> literalPrefixes) {
    this.id = id;
    this.what = what;
    this.packages = packages;
    this.types = Set.copyOf(types);
    this.members = Set.copyOf(members);
    this.literalPrefixes = List.copyOf(literalPrefixes);
  }

  /** The id a rubric uses, e.g. {@code "no-network"}. */
  public String id() {
    return id;
  }

  /** What the rule forbids, in a few words for the student, e.g. {@code "network access"}. */
  public String what() {
    return what;
  }

  /** The rule with this id, if there is one. */
  public static Optional<StaticRule> byId(String id) {
    return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
  }

  /** The ids of every rule, for a rubric loader to validate against. */
  public static Set<String> ids() {
    return Arrays.stream(values()).map(StaticRule::id).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The rules with these ids.
   *
   * @throws IllegalArgumentException naming an id that is no rule, with the known ids
   */
  public static Set<StaticRule> parse(Set<String> ids) {
    return ids.stream().map(id -> byId(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown static-check rule '" + id + "'; known rules: "
            + ids().stream().sorted().collect(Collectors.joining(", ")))))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether naming the type {@code qualifiedName} in package {@code packageName} breaks this. */
  boolean forbidsType(String qualifiedName, String packageName) {
    return types.contains(qualifiedName) || packages.stream().anyMatch(
        p -> packageName.equals(p) || packageName.startsWith(p + "."));
  }

  /** Whether a member key ({@code owner#name} or {@code owner#name(firstParam)}) breaks this. */
  boolean forbidsMember(String key) {
    return members.contains(key);
  }

  /** The forbidden prefix {@code literal} starts with, or null when it is allowed. */
  String forbiddenLiteral(String literal) {
    return literalPrefixes.stream().filter(p -> literal.equals(p) || literal.startsWith(p + "/"))
        .findFirst().orElse(null);
  }

  @Override
  public String toString() {
    return id;
  }
}
