package org.mlgrade.grader.submission;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The main class of the compiler JVM that {@link SubmissionCompiler} starts: it warms javac up,
 * writes {@link CompileWire#READY}, then compiles one {@link CompileWire.Request} at a time from
 * standard input and answers each with a {@link CompileWire.Reply} on standard output. Its class
 * path holds the {@code org.mlgrade.grader.submission} classes only; the student API is given as
 * the argument. It runs no student code ({@code -proc:none}); the grader bounds its heap and time
 * from outside and kills it when a compile takes too much of either. It exits when its standard
 * input ends, whatever it is doing: the grader is gone.
 */
public final class CompilerWorker {

  private CompilerWorker() {}

  /**
   * Serves compile requests.
   *
   * @param args the student API's class path (one directory or jar)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CompilerWorker API_CLASSPATH");
      System.exit(2);
    }
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    // Standard output carries the protocol alone: anything else printed goes to stderr.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    JavacRounds javac = new JavacRounds(Path.of(args[0]));
    // One compile thread, with the JVM's default stack as in-process javac had; the main thread
    // reads standard input, so that its end stops the JVM even during a compile.
    ExecutorService compiles =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "mlgrade-javac");
              thread.setDaemon(true);
              return thread;
            });
    compiles.execute(
        () -> {
          javac.warmUp();
          send(
              out,
              () -> {
                out.writeByte(CompileWire.READY);
                out.flush();
              });
        });
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    while (true) {
      CompileWire.Request request;
      try {
        request = CompileWire.readRequest(in);
      } catch (EOFException e) {
        Runtime.getRuntime().halt(0);
        return;
      }
      compiles.execute(
          () -> {
            CompileWire.Reply reply;
            try {
              reply = javac.compile(request);
            } catch (RuntimeException e) {
              reply = CompileWire.Reply.failed(e.toString());
            }
            CompileWire.Reply answer = reply;
            send(out, () -> CompileWire.write(out, answer));
          });
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private static void send(DataOutputStream out, Io write) {
    try {
      write.run();
    } catch (IOException e) {
      Runtime.getRuntime().halt(1); // the grader stopped listening
    }
  }
}
