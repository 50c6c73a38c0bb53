package org.mlgrade.reference;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A field-by-field comparison of answers split into named parts: each part is a list of fields
 * (a path in the output and its value), compared like {@link StructuralComparison}.
 *
 * <p>With a {@link CarryForward}, a wrong part that equals what the student's own earlier wrong
 * parts lead to is {@link PartStatus#CARRIED_FORWARD}: for a table, a total that is the sum of
 * the student's (wrong) rows; for backpropagation, a weight gradient that is the outer product of
 * the right activation and the student's (wrong) delta.
 *
 * @param <I> the problem's input record
 * @param <O> the problem's output record
 */
public final class PartedComparison<I, O> implements Comparison<I, O> {

  /**
   * One field of an answer's part.
   *
   * @param path where it is in the output, e.g. {@code "layers[5].weights"}
   * @param value its value; {@code null} when the output lacks it (a row the student left out)
   */
  public record Field(String path, Object value) {}

  /**
   * A named part of an answer.
   *
   * @param name unique within the answer, the same for every output of the same input
   * @param fields what the part is made of
   */
  public record Part(String name, List<Field> fields) {

    public Part {
      Objects.requireNonNull(name, "name");
      fields = List.copyOf(fields);
    }

    /** A part of one field whose path is the part's name. */
    public static Part of(String name, Object value) {
      return new Part(name, List.of(new Field(name, value)));
    }
  }

  /** Splits an output into its parts; the parts' names depend on the input only. */
  @FunctionalInterface
  public interface Splitter<I, O> {

    /** The parts of {@code output} (never {@code null}) for {@code input}, in order. */
    List<Part> split(I input, O output);
  }

  /**
   * A part as the student's own earlier parts determine it.
   *
   * @param part the dependent part's name
   * @param fields its fields recomputed, without error, from the student's parts {@code from}
   * @param from the parts it was computed from; the part counts as carried forward only when one
   *     of them is wrong (or itself carried forward)
   */
  public record Recomputed(String part, List<Field> fields, List<String> from) {

    public Recomputed {
      fields = List.copyOf(fields);
      from = List.copyOf(from);
    }
  }

  /** Recomputes the dependent parts of a student's answer from the student's own other parts. */
  @FunctionalInterface
  public interface CarryForward<I, O> {

    /**
     * The dependent parts of {@code actual} recomputed; may throw when {@code actual} is too
     * malformed (wrong lengths) to compute from, which counts as nothing carried forward.
     */
    List<Recomputed> recompute(I input, O actual);
  }

  private final Splitter<I, O> splitter;
  private final CarryForward<I, O> carryForward;

  private PartedComparison(Splitter<I, O> splitter, CarryForward<I, O> carryForward) {
    this.splitter = Objects.requireNonNull(splitter, "splitter");
    this.carryForward = carryForward;
  }

  /** Parts made by {@code splitter}, nothing carried forward. */
  public static <I, O> PartedComparison<I, O> of(Splitter<I, O> splitter) {
    return new PartedComparison<>(splitter, null);
  }

  /** Each component of the output record is a part, named by the component. */
  public static <I, O> PartedComparison<I, O> byComponent() {
    return of((input, output) -> {
      List<Part> parts = new ArrayList<>();
      for (RecordComponent component : output.getClass().getRecordComponents()) {
        parts.add(Part.of(component.getName(), StructuralComparison.read(component, output)));
      }
      return parts;
    });
  }

  /** This comparison, recognising errors carried forward with {@code carryForward}. */
  public PartedComparison<I, O> carryingForward(CarryForward<I, O> carryForward) {
    return new PartedComparison<>(splitter, Objects.requireNonNull(carryForward));
  }

  @Override
  public List<Mismatch> compare(I input, O expected, O actual, Tolerance tolerance) {
    List<Mismatch> all = new ArrayList<>();
    for (PartResult part : compareParts(input, expected, actual, tolerance)) {
      for (Mismatch mismatch : part.mismatches()) {
        if (all.size() < StructuralComparison.MAX_MISMATCHES) {
          all.add(mismatch);
        }
      }
    }
    return List.copyOf(all);
  }

  @Override
  public List<PartResult> compareParts(I input, O expected, O actual, Tolerance tolerance) {
    List<Part> expectedParts = splitter.split(input, expected);
    if (actual == null) {
      return expectedParts.stream().map(part -> new PartResult(part.name(), PartStatus.WRONG,
          List.of(new Mismatch(part.name(), "a value", "null")), 0)).toList();
    }
    Map<String, Part> actualParts = byName(splitter.split(input, actual));
    Map<String, PartResult> results = new LinkedHashMap<>();
    for (Part part : expectedParts) {
      results.put(part.name(), PartResult.of(part.name(),
          differences(part, actualParts.get(part.name()), tolerance)));
    }
    if (carryForward != null && results.values().stream().anyMatch(r -> !r.right())) {
      carry(input, actual, actualParts, results, tolerance);
    }
    return List.copyOf(results.values());
  }

  private void carry(I input, O actual, Map<String, Part> actualParts,
      Map<String, PartResult> results, Tolerance tolerance) {
    Map<String, Recomputed> recomputed = new HashMap<>();
    try {
      for (Recomputed r : carryForward.recompute(input, actual)) {
        recomputed.put(r.part(), r);
      }
    } catch (RuntimeException malformed) {
      return;
    }
    // In part order, so that a part carried forward can carry further.
    for (Map.Entry<String, PartResult> entry : results.entrySet()) {
      PartResult result = entry.getValue();
      Recomputed r = recomputed.get(entry.getKey());
      if (result.right() || r == null) {
        continue;
      }
      boolean fromWrong = r.from().stream().map(results::get)
          .anyMatch(earlier -> earlier != null && !earlier.right());
      Part own = new Part(entry.getKey(), r.fields());
      if (fromWrong && differences(own, actualParts.get(entry.getKey()), tolerance).isEmpty()) {
        entry.setValue(new PartResult(result.name(), PartStatus.CARRIED_FORWARD,
            result.mismatches(), result.omitted()));
      }
    }
  }

  @Override
  public boolean sameAnswer(I input, O answer, O actual, Tolerance tolerance) {
    if (answer == null || actual == null) {
      return false;
    }
    Map<String, Part> actualParts = byName(splitter.split(input, actual));
    return splitter.split(input, answer).stream()
        .allMatch(part -> differences(part, actualParts.get(part.name()), tolerance).isEmpty());
  }

  @Override
  public boolean samePart(I input, String part, O answer, O actual, Tolerance tolerance) {
    if (answer == null || actual == null) {
      return false;
    }
    Part mine = byName(splitter.split(input, answer)).get(part);
    Part theirs = byName(splitter.split(input, actual)).get(part);
    return mine != null && differences(mine, theirs, tolerance).isEmpty();
  }

  /** The differences of {@code actual}'s part from {@code expected}'s, field by field. */
  private static StructuralComparison.Differences differences(Part expected, Part actual,
      Tolerance tolerance) {
    Map<String, Object> actualFields = new HashMap<>();
    if (actual != null) {
      actual.fields().forEach(f -> actualFields.put(f.path(), f.value()));
    }
    List<Mismatch> listed = new ArrayList<>();
    int omitted = 0;
    for (Field field : expected.fields()) {
      StructuralComparison.Differences d = StructuralComparison.differences(field.path(),
          field.value(), actualFields.get(field.path()), tolerance);
      for (Mismatch mismatch : d.listed()) {
        if (listed.size() < StructuralComparison.MAX_MISMATCHES) {
          listed.add(mismatch);
        } else {
          omitted++;
        }
      }
      omitted += d.omitted();
    }
    return new StructuralComparison.Differences(listed, omitted);
  }

  private static Map<String, Part> byName(List<Part> parts) {
    Map<String, Part> byName = new LinkedHashMap<>();
    for (Part part : parts) {
      if (byName.putIfAbsent(part.name(), part) != null) {
        throw new IllegalStateException("two parts are named " + part.name());
      }
    }
    return byName;
  }
}
