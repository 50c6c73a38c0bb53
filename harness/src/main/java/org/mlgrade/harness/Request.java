package org.mlgrade.harness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /** Decodes the input as {@code type}. */
    public Object input(JavaType type) throws IOException {
      return Wire.MAPPER.readValue(source, inputOffset, inputLength, type);
    }
  }

  /** The request file's bytes: UTF-8 JSON, each call's input embedded as a JSON value. */
  public byte[] toBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = Wire.MAPPER.getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("token", token);
      out.writeNumberField("outputBytes", outputBytes);
      out.writeArrayFieldStart("classpath");
      for (String entry : classpath) {
        out.writeString(entry);
      }
      out.writeEndArray();
      out.writeStringField("studentDir", studentDir);
      out.writeArrayFieldStart("calls");
      for (Call call : calls) {
        out.writeStartObject();
        out.writeNumberField("index", call.index());
        out.writeStringField("solverInterface", call.solverInterface());
        out.writeStringField("method", call.method());
        out.writeNumberField("maxAnswerChars", call.maxAnswerChars());
        out.writeFieldName("input");
        out.writeRawValue(call.inputJson());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    return bytes.toByteArray();
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
    try (JsonParser in = Wire.MAPPER.getFactory().createParser(bytes)) {
      expect(in.nextToken(), JsonToken.START_OBJECT);
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        JsonToken value = in.nextToken();
        switch (field) {
          case "token" -> token = text(in, value);
          case "outputBytes" -> outputBytes = number(in, value);
          case "studentDir" -> studentDir = text(in, value);
          case "classpath" -> {
            expect(value, JsonToken.START_ARRAY);
            classpath = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
              classpath.add(text(in, in.currentToken()));
            }
          }
          case "calls" -> {
            expect(value, JsonToken.START_ARRAY);
            calls = new ArrayList<>();
            while (in.nextToken() != JsonToken.END_ARRAY) {
              calls.add(call(in, bytes));
            }
          }
          default -> throw new IOException("unknown request field " + field);
        }
      }
      expect(in.currentToken(), JsonToken.END_OBJECT);
    }
    if (token == null
        || outputBytes < 0
        || classpath == null
        || studentDir == null
        || calls == null) {
      throw new IOException("the request lacks a field");
    }
    return new Received(token, outputBytes, List.copyOf(classpath), studentDir, List.copyOf(calls));
  }

  private static ReceivedCall call(JsonParser in, byte[] bytes) throws IOException {
    expect(in.currentToken(), JsonToken.START_OBJECT);
    int index = -1;
    String solverInterface = null;
    String method = null;
    int maxAnswerChars = -1;
    int offset = -1;
    int length = -1;
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      switch (field) {
        case "index" -> index = number(in, value);
        case "solverInterface" -> solverInterface = text(in, value);
        case "method" -> method = text(in, value);
        case "maxAnswerChars" -> maxAnswerChars = number(in, value);
        case "input" -> {
          offset = (int) in.currentTokenLocation().getByteOffset();
          in.skipChildren();
          length = (int) in.currentLocation().getByteOffset() - offset;
        }
        default -> throw new IOException("unknown call field " + field);
      }
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

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " in the request, found " + actual);
    }
  }

  private static String text(JsonParser in, JsonToken value) throws IOException {
    expect(value, JsonToken.VALUE_STRING);
    return in.getText();
  }

  private static int number(JsonParser in, JsonToken value) throws IOException {
    expect(value, JsonToken.VALUE_NUMBER_INT);
    return in.getIntValue();
  }
}
