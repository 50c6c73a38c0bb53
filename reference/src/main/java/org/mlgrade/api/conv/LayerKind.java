package org.mlgrade.api.conv;

/** What a {@link Layer} does. */
public enum LayerKind {
  /** A convolution with {@code filters} learnable k x k x (input depth) filters and one bias each. */
  CONV,
  /** Max pooling over k x k windows of each channel separately; no parameters. */
  MAX_POOL,
  /** Average pooling over k x k windows of each channel separately; no parameters. */
  AVG_POOL
}
