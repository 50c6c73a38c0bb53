package org.mlgrade.api;

/**
 * The shape of an activation volume, height x width x depth (depth = number of channels), as the
 * CNN-arithmetic problems ({@code alexnet}, {@code conv}) use it.
 *
 * @param height number of rows, at least 1
 * @param width number of columns, at least 1
 * @param depth number of channels, at least 1
 */
public record Shape(int height, int width, int depth) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param height number of rows, at least 1
   * @param width number of columns, at least 1
   * @param depth number of channels, at least 1
   */
  public Shape {
    if (height < 1 || width < 1 || depth < 1) {
      throw new IllegalArgumentException(
          "shape must have height, width and depth >= 1, got " + height + "x" + width + "x"
              + depth);
    }
  }

  /**
   * The number of values in the volume.
   *
   * @return {@code height * width * depth}
   */
  public long volume() {
    return (long) height * width * depth;
  }

  @Override
  public String toString() {
    return height + "x" + width + "x" + depth;
  }
}
