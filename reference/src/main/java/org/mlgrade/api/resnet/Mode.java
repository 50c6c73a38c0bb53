package org.mlgrade.api.resnet;

/** Which statistics BatchNorm2d uses, as set by PyTorch's {@code module.train()} / {@code eval()}. */
public enum Mode {
  /**
   * Normalise with the statistics of the current batch (biased variance) and update the running
   * statistics (unbiased variance, momentum 0.1).
   */
  TRAINING,
  /** Normalise with the running statistics given in the input and leave them unchanged. */
  EVAL
}
