package org.mlgrade.reference;

import java.util.SplittableRandom;

/**
 * Makes seeded test inputs for a problem.
 *
 * <p>{@code generate(random, index)} must depend only on its arguments. Small indices should give
 * the edge cases the problem is known for (stride larger than one, padding, a 1x1 image, a single
 * mixture component, ...) and larger indices random cases, so that a rubric asking for {@code
 * count} tests gets the edge cases first.
 *
 * @param <I> the problem's input record
 */
@FunctionalInterface
public interface InputGenerator<I> {

  /**
   * Returns the input of test number {@code index}.
   *
   * @param random a generator seeded for this test alone
   * @param index the test's position among the generated tests, from 0
   */
  I generate(SplittableRandom random, int index);

  /**
   * The seeded random generator for test {@code index} of a rubric's {@code generate: {count,
   * seed}}: the same seed and index always give the same stream, whatever the count.
   */
  static SplittableRandom randomFor(long seed, int index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
  }
}
