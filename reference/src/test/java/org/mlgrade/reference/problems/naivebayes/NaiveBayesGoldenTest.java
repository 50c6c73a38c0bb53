package org.mlgrade.reference.problems.naivebayes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.api.naivebayes.Posteriors;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * The reference against NumPy ({@code reference/scripts/naivebayes_golden.py}): fits through
 * per-class {@code numpy.var}, posteriors through {@code numpy.logaddexp.reduce}, with far-away
 * points whose every {@code exp(s_k)} underflows.
 */
class NaiveBayesGoldenTest {

  /** Sums of a few dozen float64 terms taken in a different order: ~1e-15 relative. */
  private static final Tolerance FIT = new Tolerance(1e-12, 1e-12);

  /**
   * Posteriors: at the far points {@code s_k} is of order 1e10 and carries absolute rounding
   * errors of order 1e-6 that depend on the summation order, so a loose relative tolerance; the
   * probabilities that such errors move are far below the absolute 1e-12.
   */
  private static final Tolerance POSTERIOR = new Tolerance(1e-12, 1e-9);

  private final GaussianNaiveBayesReference reference = new GaussianNaiveBayesReference();

  private static JsonNode golden() {
    return GoldenVectors.read("/golden/naivebayes/naivebayes_golden.json");
  }

  @TestFactory
  Stream<DynamicTest> fitMatchesNumpy() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode node : golden().get("fit")) {
      LabelledData input = Wire.MAPPER.treeToValue(node.get("input"), LabelledData.class);
      GaussianModel expected = Wire.MAPPER.treeToValue(node.get("expected"), GaussianModel.class);
      tests.add(DynamicTest.dynamicTest(node.get("name").asText(), () ->
          assertThat(StructuralComparison.compare(expected, reference.fit(input), FIT))
              .isEmpty()));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> posteriorMatchesNumpyLogaddexp() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode node : golden().get("posterior")) {
      PosteriorQuery input = Wire.MAPPER.treeToValue(node.get("input"), PosteriorQuery.class);
      Posteriors expected = Wire.MAPPER.treeToValue(node.get("expected"), Posteriors.class);
      tests.add(DynamicTest.dynamicTest(node.get("name").asText(), () ->
          assertThat(StructuralComparison.compare(expected, reference.posterior(input),
              POSTERIOR)).isEmpty()));
    }
    return tests.stream();
  }
}
