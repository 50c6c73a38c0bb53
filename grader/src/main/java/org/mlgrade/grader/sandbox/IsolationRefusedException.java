package org.mlgrade.grader.sandbox;

/**
 * The sandbox will not grade: the isolation level in force cannot keep the rubric's hidden tests
 * from the child (see {@link SandboxOptions#refusal}), or its start-up canary read what it must
 * not. The message says what to change.
 */
public final class IsolationRefusedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public IsolationRefusedException(String message) {
    super(message);
  }
}
