package org.mlgrade.harness;

/** Pretends to be the grader's wire format. */
public final class Wire {

  public static final Object MAPPER = null;

  private Wire() {}

  /** Loads the fake harness too. */
  public static void touch() {
    try {
      Class.forName("org.mlgrade.harness.Harness");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
