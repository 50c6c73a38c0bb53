package org.mlgrade.grader.submission;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grader and its compiler JVM ({@link CompilerWorker}) say to each other over the worker's
 * standard input and output: length-prefixed binary records, so that the compiler JVM loads no JSON
 * library. The worker first writes {@link #READY} once it is warm; then, per request, one reply.
 */
final class CompileWire {

  /** The byte the worker writes once it is ready for requests. */
  static final int READY = 'R';

  /** A reply that carries a compiled submission. */
  private static final int OK = 1;

  /** A reply that says the compiler failed in a way that is the grader's, not the student's. */
  private static final int FAILED = 2;

  /** The longest string either side accepts, in bytes. */
  private static final int MAX_STRING_BYTES = 1 << 20;

  /** The most items in a list either side accepts. */
  private static final int MAX_ITEMS = 100_000;

  private CompileWire() {}

  /**
   * One submission to compile.
   *
   * @param srcDir the submission's sources, copied by the grader
   * @param sources the files to compile, relative to {@code srcDir}
   * @param classesDir where the classes go (empty)
   * @param probeDir a scratch directory, used to find the file that crashes the compiler
   * @param rules ids of the static rules to check
   */
  record Request(
      Path srcDir, List<String> sources, Path classesDir, Path probeDir, List<String> rules) {}

  /**
   * What the compiler made of a request; {@code failure} is non-null when it failed in a way that
   * is not the student's (the other fields are then empty).
   */
  record Reply(
      List<String> excluded,
      List<CompileMessage> messages,
      List<StaticFinding> findings,
      List<String> problems,
      String failure) {

    Reply(
        List<String> excluded,
        List<CompileMessage> messages,
        List<StaticFinding> findings,
        List<String> problems) {
      this(excluded, messages, findings, problems, null);
    }

    static Reply failed(String failure) {
      return new Reply(List.of(), List.of(), List.of(), List.of(), failure);
    }
  }

  static void write(DataOutputStream out, Request request) throws IOException {
    writeString(out, request.srcDir().toString());
    writeStrings(out, request.sources());
    writeString(out, request.classesDir().toString());
    writeString(out, request.probeDir().toString());
    writeStrings(out, request.rules());
    out.flush();
  }

  static Request readRequest(DataInputStream in) throws IOException {
    return new Request(
        Path.of(readString(in)),
        readStrings(in),
        Path.of(readString(in)),
        Path.of(readString(in)),
        readStrings(in));
  }

  static void write(DataOutputStream out, Reply reply) throws IOException {
    if (reply.failure() != null) {
      out.writeByte(FAILED);
      writeString(out, reply.failure());
      out.flush();
      return;
    }
    out.writeByte(OK);
    writeStrings(out, reply.excluded());
    out.writeInt(reply.messages().size());
    for (CompileMessage m : reply.messages()) {
      writeString(out, m.file());
      out.writeLong(m.line());
      out.writeLong(m.column());
      out.writeBoolean(m.error());
      writeString(out, m.message());
    }
    out.writeInt(reply.findings().size());
    for (StaticFinding f : reply.findings()) {
      writeString(out, f.rule());
      writeString(out, f.file());
      out.writeLong(f.line());
      writeString(out, f.message());
    }
    writeStrings(out, reply.problems());
    out.flush();
  }

  static Reply readReply(DataInputStream in) throws IOException {
    int kind = in.readUnsignedByte();
    if (kind == FAILED) {
      return Reply.failed(readString(in));
    }
    if (kind != OK) {
      throw new IOException("the compiler JVM's reply was not understood");
    }
    List<String> excluded = readStrings(in);
    int n = count(in);
    List<CompileMessage> messages = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      messages.add(
          new CompileMessage(
              readString(in), in.readLong(), in.readLong(), in.readBoolean(), readString(in)));
    }
    n = count(in);
    List<StaticFinding> findings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      findings.add(
          new StaticFinding(readString(in), readString(in), in.readLong(), readString(in)));
    }
    return new Reply(excluded, messages, findings, readStrings(in));
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new IOException("a string of " + length + " bytes on the compiler JVM's pipe");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException("the compiler JVM's pipe ended inside a string");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeStrings(DataOutputStream out, List<String> texts) throws IOException {
    out.writeInt(texts.size());
    for (String text : texts) {
      writeString(out, text);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = count(in);
    List<String> texts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      texts.add(readString(in));
    }
    return texts;
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ITEMS) {
      throw new IOException("a list of " + n + " items on the compiler JVM's pipe");
    }
    return n;
  }
}
