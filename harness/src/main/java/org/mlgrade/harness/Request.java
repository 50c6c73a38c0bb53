package org.mlgrade.harness;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grader asks of one child JVM, read from the request file the child deletes as soon as it
 * has read it.
 *
 * <p>On the wire each call's input is embedded as JSON ({@code "input": {...}}), not as a string
 * holding JSON, and the child does not decode it until the call runs ({@link #read}): reading a
 * request costs one scan of its bytes, and each input is decoded once, straight into the type the
 * student's method takes.
 *
 * @param token the secret that marks this run's protocol lines on standard output
 * @param outputBytes how much of one call's standard output (and, separately, standard error) is
 *     kept; one byte more is a flood
 * @param classpath the directories student code is loaded from: the API, any extra directories and
 *     the student's classes, in that order
 * @param studentDir the directory of the student's classes, scanned for implementations
 * @param calls the calls to make, in order
 */
public record Request(
    String token, int outputBytes, List<String> classpath, String studentDir, List<Call> calls) {

  /**
   * One call of student code.
   *
   * @param index the call's position in the grader's list, echoed in every report about it
   * @param solverInterface the fully-qualified name of the API interface
   * @param method the name of the interface method, which takes one argument
   * @param inputJson the argument in the {@link Wire} format: one JSON value
   * @param maxAnswerChars the longest encoding of the returned value the grader accepts; a longer
   *     one is reported as {@code ANSWER_TOO_LARGE} without its value (the grader checks again)
   */
  public record Call(
      int index, String solverInterface, String method, String inputJson, int maxAnswerChars) {}

  /**
   * A request as the child reads it: the calls' inputs still undecoded.
   *
   * @param calls the calls, each with its input's place in the request's bytes
   */
  public record Received(
      String token,
      int outputBytes,
      List<String> classpath,
      String studentDir,
      List<ReceivedCall> calls) {}

  /**
   * One call as the child reads it: as {@link Call}, with the input left where it lies in the
   * request's bytes until {@link #input} decodes it.
   */
  public record ReceivedCall(
      int index,
      String solverInterface,
      String method,
      int maxAnswerChars,
      byte[] source,
      int inputOffset,
      int inputLength) {

    /**
     * Decodes the input as {@code type} ({@link ValueDecoder}).
     *
     * @throws IOException when the input does not fit {@code type}
     */
    public Object input(Type type) throws IOException {
      return ValueDecoder.decode(source, inputOffset, inputLength, type);
    }
  }

  /**
   * The request file's bytes: UTF-8 JSON, each call's input embedded as a JSON value. The grader
   * writes them with the child's {@link JsonWriter}, so that no class of the request's needs
   * Jackson.
   */
  public byte[] toBytes() throws IOException {
    JsonWriter out = new JsonWriter(Integer.MAX_VALUE - 8);
    out.open('{');
    field(out, "token", true);
    out.string(token);
    field(out, "outputBytes", false);
    out.number(outputBytes);
    field(out, "classpath", false);
    out.open('[');
    for (int i = 0; i < classpath.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(classpath.get(i));
    }
    out.close(']');
    field(out, "studentDir", false);
    out.string(studentDir);
    field(out, "calls", false);
    out.open('[');
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      if (i > 0) {
        out.raw(',');
      }
      out.open('{');
      field(out, "index", true);
      out.number(call.index());
      field(out, "solverInterface", false);
      out.string(call.solverInterface());
      field(out, "method", false);
      out.string(call.method());
      field(out, "maxAnswerChars", false);
      out.number(call.maxAnswerChars());
      field(out, "input", false);
      out.json(call.inputJson());
      out.close('}');
    }
    out.close(']');
    out.close('}');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void field(JsonWriter out, String name, boolean first) throws IOException {
    if (!first) {
      out.raw(',');
    }
    out.string(name);
    out.raw(':');
  }

  /**
   * Reads a request file's bytes, as {@link #toBytes} writes them, in one scan: the inputs are
   * skipped over, not decoded.
   *
   * @throws IOException when the bytes are not such a request
   */
  public static Received read(byte[] bytes) throws IOException {
    String token = null;
    int outputBytes = -1;
    List<String> classpath = null;
    String studentDir = null;
    List<ReceivedCall> calls = null;
    JsonReader in = new JsonReader(bytes, 0, bytes.length);
    in.expect('{');
    if (!in.empty('}')) {
      do {
        String field = in.name();
        switch (field) {
          case "token" -> token = in.string();
          case "outputBytes" -> outputBytes = number(in);
          case "studentDir" -> studentDir = in.string();
          case "classpath" -> {
            classpath = new ArrayList<>();
            in.expect('[');
            if (!in.empty(']')) {
              do {
                classpath.add(in.string());
              } while (in.more(']'));
            }
          }
          case "calls" -> {
            calls = new ArrayList<>();
            in.expect('[');
            if (!in.empty(']')) {
              do {
                calls.add(call(in, bytes));
              } while (in.more(']'));
            }
          }
          default -> throw new IOException("unknown request field " + field);
        }
      } while (in.more('}'));
    }
    in.end();
    if (token == null
        || outputBytes < 0
        || classpath == null
        || studentDir == null
        || calls == null) {
      throw new IOException("the request lacks a field");
    }
    return new Received(token, outputBytes, List.copyOf(classpath), studentDir, List.copyOf(calls));
  }

  private static ReceivedCall call(JsonReader in, byte[] bytes) throws IOException {
    int index = -1;
    String solverInterface = null;
    String method = null;
    int maxAnswerChars = -1;
    int offset = -1;
    int length = -1;
    in.expect('{');
    if (!in.empty('}')) {
      do {
        String field = in.name();
        switch (field) {
          case "index" -> index = number(in);
          case "solverInterface" -> solverInterface = in.string();
          case "method" -> method = in.string();
          case "maxAnswerChars" -> maxAnswerChars = number(in);
          case "input" -> {
            in.peek();
            offset = in.position();
            in.skipValue();
            length = in.position() - offset;
          }
          default -> throw new IOException("unknown call field " + field);
        }
      } while (in.more('}'));
    }
    if (index < 0
        || solverInterface == null
        || method == null
        || maxAnswerChars < 0
        || offset < 0) {
      throw new IOException("a call of the request lacks a field");
    }
    return new ReceivedCall(index, solverInterface, method, maxAnswerChars, bytes, offset, length);
  }

  private static int number(JsonReader in) throws IOException {
    long value = in.integer();
    if (value != (int) value) {
      throw new IOException("a request number out of the range of an int: " + value);
    }
    return (int) value;
  }
}
