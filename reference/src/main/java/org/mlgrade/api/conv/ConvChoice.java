package org.mlgrade.api.conv;

/**
 * An answer to a {@link LayerSearch}: the convolution {@code Layer.conv(filters, kernel, stride,
 * padding)} with the search's padding.
 *
 * @param kernel the filter side k
 * @param stride the stride s
 * @param filters the number of filters
 */
public record ConvChoice(int kernel, int stride, int filters) {

  @Override
  public String toString() {
    return filters + " filters " + kernel + "x" + kernel + ", stride " + stride;
  }
}
