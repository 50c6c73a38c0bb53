package org.mlgrade.grader.sandbox;

/**
 * Turns {@link Landlock} off for the tests that describe what a level guarantees without it (the
 * grader's behaviour on a kernel or host without Landlock), and back on when closed.
 */
public final class LandlockSwitch implements AutoCloseable {

  private final String before;

  private LandlockSwitch() {
    before = System.getProperty(Landlock.SWITCH);
    System.setProperty(Landlock.SWITCH, "off");
  }

  /** Landlock is off until {@link #close}. */
  public static LandlockSwitch off() {
    return new LandlockSwitch();
  }

  /** Whether the kernel and host offer Landlock (regardless of the switch). */
  public static boolean offered() {
    return Landlock.abi() > 0;
  }

  /** The kernel's Landlock ABI version, 0 when it or {@code python3} is missing. */
  public static int abi() {
    return Landlock.abi();
  }

  @Override
  public void close() {
    if (before == null) {
      System.clearProperty(Landlock.SWITCH);
    } else {
      System.setProperty(Landlock.SWITCH, before);
    }
  }
}
