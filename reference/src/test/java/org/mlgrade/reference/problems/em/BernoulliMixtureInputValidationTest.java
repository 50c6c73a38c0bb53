package org.mlgrade.reference.problems.em;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.MStepInput;

/** The input records reject malformed inputs with messages that name the value and its shape. */
class BernoulliMixtureInputValidationTest {

  private static final int[][] X = {{1, 0}, {0, 1}};
  private static final double[] PI = {0.5, 0.5};
  private static final double[][] P = {{0.8, 0.2}, {0.2, 0.6}};

  @Test
  void dataMustBeRectangularZerosAndOnes() {
    assertThatThrownBy(() -> new EStepInput(new int[][] {{1, 2}}, new double[] {1},
        new double[][] {{0.5, 0.5}})).hasMessageContaining("x[0][1] = 2");
    assertThatThrownBy(() -> new EStepInput(new int[][] {{1, 0}, {1}}, PI, P))
        .hasMessageContaining("row 1 has 1 entries but row 0 has 2");
    assertThatThrownBy(() -> new EStepInput(new int[0][], PI, P)).hasMessageContaining("N >= 1");
  }

  @Test
  void mixtureMustMatchTheDataAndBeAProbability() {
    assertThatThrownBy(() -> new EStepInput(X, new double[] {0.5, 0.6}, P))
        .hasMessageContaining("pi must sum to 1");
    assertThatThrownBy(() -> new LogLikelihoodInput(X, new double[] {1}, P))
        .hasMessageContaining("p must be K x D = 1x2");
    assertThatThrownBy(() -> new LogLikelihoodInput(X, PI, new double[][] {{0.8, 0.2, 0.1},
        {0.2, 0.6, 0.1}})).hasMessageContaining("p must be K x D = 2x2")
        .hasMessageContaining("row 0 has 3 entries");
    assertThatThrownBy(() -> new EStepInput(X, PI, new double[][] {{1.2, 0.2}, {0.2, 0.6}}))
        .hasMessageContaining("p[0][0] = 1.2 is not in [0, 1]");
  }

  @Test
  void rowImpossibleUnderEveryComponentIsRejectedButExactZerosAreNot() {
    // Row 0 = [1, 0]: component 0 has p_00 = 0, component 1 has pi = 0.
    assertThatThrownBy(() -> new EStepInput(X, new double[] {1, 0},
        new double[][] {{0, 0.5}, {0.5, 0.5}})).hasMessageContaining("row 0 of x has probability 0");
    assertThatCode(() -> new EStepInput(X, new double[] {0.5, 0.5},
        new double[][] {{0, 0.5}, {0.5, 0.5}})).doesNotThrowAnyException();
  }

  @Test
  void responsibilitiesMustBeNxKRowsSummingToOne() {
    assertThatThrownBy(() -> new MStepInput(X, new double[][] {{1, 0}}, P, 0))
        .hasMessageContaining("N x K with N = 2");
    assertThatThrownBy(() -> new MStepInput(X, new double[][] {{0.5, 0.4}, {0, 1}}, P, 0))
        .hasMessageContaining("row 0 of responsibilities must sum to 1");
    assertThatThrownBy(() -> new MStepInput(X, new double[][] {{1}, {1}}, P, 0))
        .hasMessageContaining("previousP must be K x D = 1x2");
    assertThatThrownBy(() -> new MStepInput(X, new double[][] {{1, 0}, {0, 1}}, P, -1))
        .hasMessageContaining("smoothing must be finite and >= 0");
  }

  @Test
  void fitSettingsMustBeInRange() {
    assertThatThrownBy(() -> new FitInput(X, PI, P, -1, 0, 0))
        .hasMessageContaining("maxIterations must be in 0..10000");
    assertThatThrownBy(() -> new FitInput(X, PI, P, 5, Double.NaN, 0))
        .hasMessageContaining("tolerance must be finite and >= 0");
  }
}
