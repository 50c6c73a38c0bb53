package org.mlgrade.reference.problems.conv;

import org.mlgrade.api.Shape;
import java.util.List;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.reference.Comparison;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.Tolerance;

/**
 * Accepts any convolution that answers the {@link LayerSearch} (see
 * {@link org.mlgrade.api.conv.ConvArithmetic#findConv}), not only the reference's canonical one.
 *
 * <p>An answer equal to {@code expected} is accepted too, even when it is not valid: when the
 * grader diagnoses a failure it compares the student's answer with a known mistake's output
 * (passed as {@code expected}), and that comparison must be "is it the same wrong answer".
 */
final class AnyValidConv implements Comparison<LayerSearch, ConvChoice> {

  private final ConvReference reference = new ConvReference();

  @Override
  public List<Mismatch> compare(LayerSearch input, ConvChoice expected, ConvChoice actual,
      Tolerance tolerance) {
    if (actual != null && (actual.equals(expected) || reference.reaches(input, actual))) {
      return List.of();
    }
    String wanted = "a convolution giving " + input.target() + " after " + input.pool()
        + ", e.g. " + expected;
    return List.of(new Mismatch("", wanted, actual == null ? "null" : describe(input, actual)));
  }

  private String describe(LayerSearch input, ConvChoice actual) {
    if (actual.kernel() < 1 || actual.stride() < 1 || actual.filters() < 1) {
      return actual + " (kernel, stride and filters must be >= 1)";
    }
    Layer conv = Layer.conv(actual.filters(), actual.kernel(), actual.stride(), input.padding());
    try {
      List<Shape> shapes = reference.forward(input.input(), List.of(conv, input.pool()));
      return actual + ", which gives " + shapes.get(0) + " then " + shapes.get(1);
    } catch (IllegalArgumentException e) {
      return actual + " (" + e.getMessage() + ")";
    }
  }
}
