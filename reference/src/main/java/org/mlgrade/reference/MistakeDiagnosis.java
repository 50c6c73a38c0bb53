package org.mlgrade.reference;

import java.util.List;
import java.util.Optional;

/**
 * What known mistakes explain a wrong answer.
 *
 * @param <S> the problem's student-facing interface
 * @param matches every known mistake whose answer reproduces the student's wrong parts (and is
 *     right wherever the student is), in the problem's order; feedback names one only when there
 *     is exactly one
 * @param nonFiniteParts the wrong parts in which the student's answer holds NaN; NaN never
 *     identifies a mistake
 * @param nonFiniteCauses the known mistakes that also give NaN in those parts: likely causes,
 *     not a diagnosis
 */
public record MistakeDiagnosis<S>(List<KnownMistake<S>> matches, List<String> nonFiniteParts,
    List<KnownMistake<S>> nonFiniteCauses) {

  public MistakeDiagnosis {
    matches = List.copyOf(matches);
    nonFiniteParts = List.copyOf(nonFiniteParts);
    nonFiniteCauses = List.copyOf(nonFiniteCauses);
  }

  /** Nothing to say: no mistake matches and no NaN. */
  public static <S> MistakeDiagnosis<S> none() {
    return new MistakeDiagnosis<>(List.of(), List.of(), List.of());
  }

  /** The mistake to name: the only match, if there is exactly one. */
  public Optional<KnownMistake<S>> named() {
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** The ids of every match. */
  public List<String> matchIds() {
    return matches.stream().map(KnownMistake::id).toList();
  }

  /** Whether the student's wrong answer holds NaN. */
  public boolean nonFinite() {
    return !nonFiniteParts.isEmpty();
  }
}
