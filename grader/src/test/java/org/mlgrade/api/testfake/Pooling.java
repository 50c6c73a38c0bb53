package org.mlgrade.api.testfake;

/** A toy student API for the rubric loader's tests: the output size of a pooling layer. */
public interface Pooling {

  /**
   * A square pooling window.
   *
   * @param size the window's side, at least 1
   * @param stride the step between windows, at least 1
   */
  record Window(int size, int stride) {
    public Window {
      if (size < 1) {
        throw new IllegalArgumentException("window size must be >= 1, got " + size);
      }
      if (stride < 1) {
        throw new IllegalArgumentException("stride must be >= 1, got " + stride);
      }
    }
  }

  /**
   * The input.
   *
   * @param height image height
   * @param width image width
   * @param window the pooling window
   */
  record Input(int height, int width, Window window) {}

  /** The answer. */
  record Shape(int height, int width) {}

  /** Returns the pooled image's shape. */
  Shape outputShape(Input input);
}
