package org.mlgrade.grader.rubric;

import java.util.List;
import org.mlgrade.api.testfake.Pooling;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;

/** A toy problem registry, so that rubric tests need no real homework. */
final class FakeProblems {

  static final Problem<Pooling, Pooling.Input, Pooling.Shape> POOL = Problem.of(
      "fake.pool-shape", "Pooling output shape", Pooling.class, "outputShape",
      Pooling.Input.class, Pooling.Shape.class, Pooling::outputShape,
      in -> new Pooling.Shape(shape(in.height(), in.window()), shape(in.width(), in.window())),
      (random, index) -> new Pooling.Input(4 + random.nextInt(20), 4 + index,
          new Pooling.Window(1 + random.nextInt(3), 1 + random.nextInt(2))),
      List.of(
          new KnownMistake<>("no-floor", "You rounded up instead of down.",
              in -> new Pooling.Shape(in.height(), in.width())),
          new KnownMistake<>("ignore-stride", "You ignored the stride.",
              in -> new Pooling.Shape(in.height() - in.window().size() + 1,
                  in.width() - in.window().size() + 1))));

  static final ProblemRegistry REGISTRY = new ProblemRegistry(List.of(POOL));

  private FakeProblems() {}

  private static int shape(int n, Pooling.Window w) {
    return (n - w.size()) / w.stride() + 1;
  }
}
