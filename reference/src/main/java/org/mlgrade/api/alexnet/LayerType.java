package org.mlgrade.api.alexnet;

/** The two kinds of layers with weights. */
public enum LayerType {
  /** A (possibly grouped) convolution, optionally followed by max pooling. */
  CONV,
  /** A fully connected layer on the flattened input. */
  FC
}
