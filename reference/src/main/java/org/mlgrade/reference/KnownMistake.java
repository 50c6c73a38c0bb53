package org.mlgrade.reference;

import java.util.Objects;

/**
 * A named wrong answer that real students give, implemented as a wrong solver of the same
 * interface. When a student's output fails a test but matches a known mistake's output, the
 * feedback names the mistake.
 *
 * @param <S> the student-facing interface
 * @param id stable identifier, unique within its problem, for example {@code "fc1-without-pool"}
 * @param description one sentence shown to the student, saying what went wrong
 * @param solver the wrong implementation
 */
public record KnownMistake<S>(String id, String description, S solver) {

  public KnownMistake {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(solver, "solver");
  }

  @Override
  public String toString() {
    return "KnownMistake(" + id + ")";
  }
}
