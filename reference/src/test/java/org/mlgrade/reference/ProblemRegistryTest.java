package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard registry discovers its problems through {@code META-INF/services}. */
class ProblemRegistryTest {

  @Test
  void standardFindsAllTwentyTwoProblemsInPackageOrder() {
    // The problems of the homework (README, "22 graded problems"; rubrics/ml-homework.json has
    // one question each), by package in alphabetical order, each package in its own order.
    assertThat(ProblemRegistry.standard().ids()).containsExactly(
        "alexnet.layer-counts", "alexnet.table",
        "backprop.relu-net", "backprop.sigmoid-chain", "backprop.tanh-softmax",
        "conv.output-shape", "conv.costs", "conv.find-layer",
        "em.e-step", "em.m-step", "em.log-likelihood", "em.fit",
        "kernel.gram-matrix", "kernel.psd-check",
        "logreg.sgd-step", "logreg.sgd-epoch", "logreg.loss",
        "naive-bayes.fit", "naive-bayes.posterior",
        "resnet.batch-norm", "resnet.basic-block", "resnet.shallow-net");
  }

  @Test
  void standardIsTheSameEveryTime() {
    assertThat(ProblemRegistry.standard().ids()).isEqualTo(ProblemRegistry.standard().ids());
  }

  @Test
  void findLooksUpById() {
    ProblemRegistry registry = ProblemRegistry.standard();

    assertThat(registry.find("conv.costs")).get().extracting(Problem::id).isEqualTo("conv.costs");
    assertThat(registry.find("conv.cost")).isEmpty();
  }

  @Test
  void aDuplicateIdIsRefused() {
    Problem<?, ?, ?> costs = ProblemRegistry.standard().find("conv.costs").orElseThrow();

    assertThatThrownBy(() -> new ProblemRegistry(List.of(costs, costs)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv.costs");
  }
}
