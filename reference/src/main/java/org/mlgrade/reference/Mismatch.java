package org.mlgrade.reference;

/**
 * One place where an answer differs from the expected one.
 *
 * @param path where in the output, for example {@code "layers[2].weights"}; empty for the whole
 *     output
 * @param expected the expected value as shown to a student
 * @param actual the student's value as shown to a student
 */
public record Mismatch(String path, String expected, String actual) {

  @Override
  public String toString() {
    String where = path.isEmpty() ? "output" : path;
    return where + ": expected " + expected + ", got " + actual;
  }
}
