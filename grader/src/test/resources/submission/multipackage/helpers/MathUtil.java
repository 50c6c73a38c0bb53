package com.alice.util;

/** Lives in a folder that does not match its package: javac must not care. */
public final class MathUtil {
  private MathUtil() {}

  public static double twice(double x) {
    return 2 * x;
  }
}
