package org.mlgrade.reference;

/** How one part of a student's answer compares with the reference's. */
public enum PartStatus {
  /** Equal to the reference's part (within the tolerance). */
  RIGHT,
  /**
   * Different from the reference's part, but exactly what the student's own earlier (wrong)
   * parts lead to: an error carried forward, not a new one.
   */
  CARRIED_FORWARD,
  /** Different from the reference's part, and not explained by an earlier wrong part. */
  WRONG
}
