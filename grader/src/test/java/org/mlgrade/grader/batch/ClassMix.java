package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A class of students made from the samples in fixed proportions: of every 25 students, 20 are
 * correct, 3 make a known mistake (the mistake samples in turn), 1 does not compile and 1 loops
 * until the timeout. The correct students and the others go into two class folders, so that the
 * rate of correct submissions is measured on its own.
 */
record ClassMix(Path correct, Path others, Map<String, Integer> counts, List<Path> students) {

  static ClassMix build(Samples samples, int n, Path dir) throws IOException {
    List<String> mistakes = samples.named("mistake-");
    Path correct = Files.createDirectories(dir.resolve("correct"));
    Path others = Files.createDirectories(dir.resolve("others"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Path> students = new ArrayList<>();
    int mistakeIndex = 0;
    for (int i = 0; i < n; i++) {
      int slot = i % 25;
      String sample;
      String kind;
      if (slot < 20) {
        sample = "correct";
        kind = "correct";
      } else if (slot < 23) {
        sample = mistakes.get(mistakeIndex++ % mistakes.size());
        kind = "mistake";
      } else if (slot == 23) {
        sample = "fails-compile";
        kind = "compile-error";
      } else {
        sample = "fails-loops";
        kind = "loops";
      }
      counts.merge(kind, 1, Integer::sum);
      Path target = (kind.equals("correct") ? correct : others)
          .resolve(String.format(Locale.ROOT, "s%04d-%s", i, sample));
      samples.assemble(sample, target);
      students.add(target);
    }
    return new ClassMix(correct, others, counts, students);
  }

  int countCorrect() {
    return counts.getOrDefault("correct", 0);
  }

  /** The first {@code count} students in class order. */
  List<Path> first(int count) {
    return students.subList(0, Math.min(count, students.size()));
  }
}
