package org.mlgrade.grader.sandbox;

import org.mlgrade.harness.Report;

/** Something the parent learned about a running child, in the order it learned it. */
sealed interface ChildEvent {

  /**
   * The child is ready: it runs call {@code index} now and the calls after it back to back. Not
   * trusted for time: the grader's clock for a call starts when this (or the previous call's
   * report) is read.
   */
  record Ready(int index) implements ChildEvent {}

  /**
   * The child reported how call {@code index} ended; {@code stray} is what the call wrote around
   * the harness, taken when the report was read (before a next call can begin).
   */
  record Reported(int index, Report report, StrayOutput.Captured stray) implements ChildEvent {}

  /** The child reported that call {@code index} printed too much through {@code System.out/err}. */
  record Flooded(int index, Report report, StrayOutput.Captured stray) implements ChildEvent {}

  /** Call {@code index} wrote too much straight to the process's standard output or error. */
  record RawFlood(int index) implements ChildEvent {}

  /**
   * A protocol line about call {@code index} grew past what its report can be (its answer's bound
   * plus its capped prints); the rest of the line was skipped unread.
   */
  record Oversized(int index) implements ChildEvent {}

  /** The child reported every call. */
  record Done() implements ChildEvent {}

  /** The child's standard output closed: it exited, or closed the channel. */
  record Ended() implements ChildEvent {}
}
