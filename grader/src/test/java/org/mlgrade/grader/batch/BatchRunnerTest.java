package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.report.ClassSummary;

class BatchRunnerTest {

  @TempDir Path root;
  @TempDir Path out;

  private final StringWriter log = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Progress progress =
      Progress.lines(new PrintWriter(log, true), new PrintWriter(err, true));
  private final Map<String, Integer> calls = new ConcurrentHashMap<>();
  private List<Student> students;

  /** Points (q1, q2) each fake student earns. */
  private static final Map<String, double[]> POINTS =
      Map.of(
          "alice", new double[] {6, 6}, "bob", new double[] {6, 0}, "carol", new double[] {3, 1.5});

  @BeforeEach
  void makeClass() throws IOException {
    for (String id : POINTS.keySet()) {
      Files.createDirectories(root.resolve(id));
    }
    students = ClassFolder.scan(root);
  }

  /** Grades from POINTS, failing as the grader itself for the ids in {@code failing}. */
  private SubmissionGrader grader(Set<String> failing) {
    return submission -> {
      String id = submission.getFileName().toString();
      calls.merge(id, 1, Integer::sum);
      if (failing.contains(id)) {
        throw new IllegalStateException("the sandbox cannot start\nsecond line");
      }
      double[] p = POINTS.get(id);
      return FakeClass.result(id, p[0], p[1]);
    };
  }

  private static final PdfReporters WORKING_PDFS =
      new PdfReporters() {
        @Override
        public Path feedback(Result result, Path directory) throws IOException {
          return Files.writeString(
              directory.resolve("feedback.pdf"), "PDF of " + result.submission());
        }

        @Override
        public void summary(ClassSummary summary, Path file) throws IOException {
          Files.writeString(file, "summary of " + summary.students().size());
        }
      };

  private static final PdfReporters FAILING_PDFS =
      new PdfReporters() {
        @Override
        public Path feedback(Result result, Path directory) {
          throw new UnsupportedOperationException("feedback PDF not built yet");
        }

        @Override
        public void summary(ClassSummary summary, Path file) {
          throw new UnsupportedOperationException("summary PDF not built yet");
        }
      };

  private int run(SubmissionGrader grader, PdfReporters pdfs) throws Exception {
    try (Journal journal = Journal.open(out, FakeClass.HEADER, false)) {
      journal.append(new JournalLine.Run("1/1", students.stream().map(Student::id).toList()));
      Set<String> done = journal.contents().done();
      List<Student> pending = students.stream().filter(s -> !done.contains(s.id())).toList();
      return new BatchRunner(grader, pdfs, journal, out, progress).run(pending, 2);
    }
  }

  private List<StudentEntry> rows() throws IOException {
    return ClassOutputs.rows(Journal.read(out.resolve(Journal.FILE)));
  }

  @Test
  void everyStudentGetsResultsFeedbackAndAJournalEntry() throws Exception {
    assertThat(run(grader(Set.of()), WORKING_PDFS)).isEqualTo(3);

    JsonNode alice =
        JsonMapper.builder().build().readTree(out.resolve("alice/results.json").toFile());
    assertThat(alice.get("score").asDouble()).isEqualTo(12.0);
    assertThat(out.resolve("carol/feedback.pdf")).hasContent("PDF of carol");
    assertThat(rows())
        .extracting(StudentEntry::id, StudentEntry::total, StudentEntry::status)
        .containsExactly(
            tuple("alice", 12.0, "graded"),
            tuple("bob", 6.0, "graded"),
            tuple("carol", 4.5, "graded"));
    assertThat(rows().get(1).scores()).isEqualTo(Map.of("q1", 6.0, "q2", 0.0));
    assertThat(rows().get(1).mistakes()).isEqualTo(Map.of("q2", List.of("m-q2")));
    assertThat(log.toString()).contains("[3/3]");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aGraderFailureIsNotGradedNotDoneAndGradedAgainOnTheNextRun() throws Exception {
    assertThat(run(grader(Set.of("bob")), WORKING_PDFS)).isEqualTo(2);

    StudentEntry bob = rows().get(1);
    assertThat(bob.graded()).isFalse();
    assertThat(bob.status())
        .isEqualTo(
            "not graded: the grader failed: IllegalStateException: the sandbox cannot start");
    assertThat(out.resolve("bob/results.json")).doesNotExist();
    assertThat(err.toString()).contains("bob not graded").contains("sandbox cannot start");
    assertThat(Journal.read(out.resolve(Journal.FILE)).done()).containsExactly("alice", "carol");

    assertThat(run(grader(Set.of()), WORKING_PDFS)).isEqualTo(1);
    assertThat(calls).isEqualTo(Map.of("alice", 1, "bob", 2, "carol", 1));
    assertThat(rows()).allMatch(StudentEntry::graded);
    assertThat(rows().get(1).total()).isEqualTo(6.0);
    assertThat(out.resolve("bob/results.json")).exists();
  }

  @Test
  void anErrorEscapingTheGraderIsNotAZero() throws Exception {
    SubmissionGrader overflowing =
        submission -> {
          throw new StackOverflowError();
        };
    assertThat(run(overflowing, WORKING_PDFS)).isZero();
    assertThat(rows())
        .allSatisfy(
            row -> {
              assertThat(row.graded()).isFalse();
              assertThat(row.status())
                  .isEqualTo("not graded: the grader failed: StackOverflowError");
            });
  }

  @Test
  void aFeedbackPdfThatFailsIsLoudAndTheScoreStands() throws Exception {
    Files.createDirectories(out.resolve("alice"));
    Files.writeString(out.resolve("alice/feedback.pdf"), "an old feedback of an earlier grading");
    assertThat(run(grader(Set.of()), FAILING_PDFS)).isEqualTo(3);

    StudentEntry alice = rows().get(0);
    assertThat(alice.graded()).isTrue();
    assertThat(alice.total()).isEqualTo(12.0);
    assertThat(alice.status())
        .isEqualTo(
            "graded; feedback.pdf failed: UnsupportedOperationException: feedback PDF not built yet");
    assertThat(out.resolve("alice/feedback.pdf")).doesNotExist();
    assertThat(out.resolve("alice/results.json")).exists();
    assertThat(err.toString()).contains("alice: feedback.pdf could not be written");
  }

  @Test
  void aHalfWrittenStudentIsGradedAgainAndItsLeftoversRemoved() throws Exception {
    // A batch killed after writing bob's results.json but before journaling him.
    Path bob = Files.createDirectories(out.resolve("bob"));
    Files.writeString(bob.resolve("results.json"), "{\"score\": 99");
    Files.createDirectories(bob.resolve(".mlgrade-tmp-123/partial"));

    run(grader(Set.of()), WORKING_PDFS);

    assertThat(
            JsonMapper.builder()
                .build()
                .readTree(bob.resolve("results.json").toFile())
                .get("score")
                .asDouble())
        .isEqualTo(6.0);
    try (var entries = Files.list(bob)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("results.json", "feedback.pdf");
    }
  }

  @Test
  void theClassOutputsComeFromTheJournal() throws Exception {
    run(grader(Set.of("carol")), WORKING_PDFS);
    Journal.Contents contents = Journal.read(out.resolve(Journal.FILE));
    List<StudentEntry> rows = ClassOutputs.rows(contents);
    assertThat(
            ClassOutputs.write(out, contents.header().orElseThrow(), rows, WORKING_PDFS, progress))
        .isTrue();
    assertThat(out.resolve("summary.pdf")).hasContent("summary of 3");
    assertThat(Files.readAllLines(out.resolve("grades.csv")))
        .containsExactly(
            "id,name,email,q1,q2,total,status",
            "alice,,,6,6,12,graded",
            "bob,,,6,0,6,graded",
            "carol,,,,,,not graded: the grader failed: IllegalStateException: the sandbox cannot "
                + "start");
    ClassSummary summary = ClassOutputs.summary(contents.header().orElseThrow(), rows);
    assertThat(summary.isolation()).isEqualTo("PROCESS_ONLY");
    assertThat(summary.students()).hasSize(3);
    assertThat(ClassOutputs.mean(rows)).isEqualTo(9.0);

    assertThat(
            ClassOutputs.write(out, contents.header().orElseThrow(), rows, FAILING_PDFS, progress))
        .isFalse();
    assertThat(out.resolve("summary.pdf")).doesNotExist();
    assertThat(err.toString()).contains("summary.pdf could not be written");
  }

  /** Appends a run that started grading {@code ids} and died before finishing them. */
  private void runThatDiedGrading(String... ids) throws Exception {
    try (Journal journal = Journal.open(out, FakeClass.HEADER, false)) {
      journal.append(new JournalLine.Run("1/1", students.stream().map(Student::id).toList()));
      for (String id : ids) {
        journal.append(new JournalLine.Started(id));
      }
    }
  }

  @Test
  void studentsTheProcessDiedOnAreGradedFirstOneAtATime() throws Exception {
    runThatDiedGrading("bob", "carol"); // two workers in flight: either may be the culprit
    List<String> order = new CopyOnWriteArrayList<>();
    SubmissionGrader recording =
        submission -> {
          order.add(submission.getFileName().toString());
          return grader(Set.of()).grade(submission);
        };

    assertThat(run(recording, WORKING_PDFS)).isEqualTo(3);

    assertThat(order).containsExactly("bob", "carol", "alice");
    assertThat(rows()).allMatch(StudentEntry::graded);
    assertThat(Journal.read(out.resolve(Journal.FILE)).diedWhileGrading("bob")).isEqualTo(1);
  }

  @Test
  void aStudentTheProcessDiedOnTwiceIsNotGradedAgain() throws Exception {
    runThatDiedGrading("bob", "carol");
    runThatDiedGrading("bob"); // graded alone first, and the process died again

    assertThat(run(grader(Set.of()), WORKING_PDFS)).isEqualTo(2);

    assertThat(calls).isEqualTo(Map.of("alice", 1, "carol", 1));
    StudentEntry bob = rows().get(1);
    assertThat(bob.graded()).isFalse();
    assertThat(bob.status())
        .startsWith("not graded: the grader's process died 2 times while " + "grading this student")
        .contains("--regrade");
    assertThat(err.toString()).contains("bob not graded");

    // Not retried on the next run either: the batch can finish.
    assertThat(run(grader(Set.of()), WORKING_PDFS)).isZero();
    assertThat(calls).doesNotContainKey("bob");
  }
}
