package org.mlgrade.api.testfake;

/** A fake student API for the submission tests: scale a number. */
public interface Scaler {

  /** The scaled value. */
  double scale(double x);
}
