package org.mlgrade.grader.batch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.report.ClassSummary;

/** One line of a batch journal ({@code journal.jsonl}): a JSON object with a {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = JournalLine.Header.class, name = "header"),
  @JsonSubTypes.Type(value = JournalLine.Run.class, name = "run"),
  @JsonSubTypes.Type(value = JournalLine.StudentEntry.class, name = "student"),
  @JsonSubTypes.Type(value = JournalLine.Started.class, name = "started")
})
public sealed interface JournalLine {

  /**
   * The first line: what the students were graded by. Enough to write the gradebook and the summary
   * without the rubric.
   *
   * @param version the journal format's version
   * @param rubricSha256 SHA-256 of the rubric file's bytes, in hex
   * @param rubric where the rubric was read from, for messages
   * @param assignment the rubric's assignment name
   * @param questions the rubric's questions, in order
   * @param maxTotal the rubric's total points
   */
  record Header(
      int version,
      String rubricSha256,
      String rubric,
      String assignment,
      List<ClassSummary.QuestionInfo> questions,
      double maxTotal)
      implements JournalLine {

    /** The journal format this code writes and reads. */
    public static final int VERSION = 1;

    public Header {
      questions = List.copyOf(questions);
    }
  }

  /**
   * A run of {@code mlgrade batch} started: the class it grades. The last run's students are the
   * gradebook's rows.
   *
   * @param shard the part of the class this run grades, {@code I/N}
   * @param students the ids of the students in that part, sorted
   */
  record Run(String shard, List<String> students) implements JournalLine {

    public Run {
      students = List.copyOf(students);
    }
  }

  /**
   * A worker started grading a student. A student started and not finished when the next run starts
   * (or when the journal is read at the start of one) was being graded when the grader's process
   * died: perhaps by the student's own code (at {@code PROCESS_ONLY} it runs as the grader's user
   * and can kill it).
   *
   * @param id the student id
   */
  record Started(String id) implements JournalLine {}

  /**
   * One student finished: graded (done, never graded again on resume) or not graded (the grader
   * itself failed; graded again on the next run). The last entry of a student wins.
   *
   * @param id the student id
   * @param name the student's name, empty when unknown
   * @param email the student's email, empty when unknown
   * @param graded true when the student got a result
   * @param status "graded", "graded at weak isolation LEVEL (--allow-weak-isolation)", either
   *     followed by "; feedback.pdf failed: REASON", or "not graded: REASON"
   * @param total points earned (0 when not graded)
   * @param scores points per question id (empty when not graded)
   * @param mistakes per question id, the known-mistake ids its failed tests named
   * @param problems what went wrong with the run as a whole, in words
   * @param isolation the sandbox isolation level, empty when not graded
   */
  record StudentEntry(
      String id,
      String name,
      String email,
      boolean graded,
      String status,
      double total,
      Map<String, Double> scores,
      Map<String, List<String>> mistakes,
      List<String> problems,
      String isolation)
      implements JournalLine {

    public StudentEntry {
      scores = Map.copyOf(scores);
      mistakes = Map.copyOf(mistakes);
      problems = List.copyOf(problems);
    }

    /** The entry of a student the grader failed on. */
    static StudentEntry notGraded(Student student, String reason) {
      return new StudentEntry(
          student.id(),
          student.name(),
          student.email(),
          false,
          "not graded: " + reason,
          0,
          Map.of(),
          Map.of(),
          List.of(),
          "");
    }

    /** The entry of a student graded with {@code result}; {@code status} starts "graded". */
    static StudentEntry graded(Student student, Result result, String status) {
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, List<String>> mistakes = new LinkedHashMap<>();
      Set<String> problems = new LinkedHashSet<>();
      if (!result.compiled().excluded().isEmpty()) {
        problems.add("did not compile: " + String.join(", ", result.compiled().excluded()));
      }
      problems.addAll(result.compiled().problems());
      for (QuestionResult question : result.questions()) {
        scores.put(question.id(), question.score());
        List<String> named = new ArrayList<>();
        for (TestResult test : question.tests()) {
          if (test.passed()) {
            continue;
          }
          test.mistake().ifPresent(mistake -> named.add(mistake.id()));
          if (test.outcome() != Outcome.WRONG_ANSWER) {
            problems.add(test.outcome().label());
          }
        }
        if (!named.isEmpty()) {
          mistakes.put(question.id(), named);
        }
      }
      return new StudentEntry(
          student.id(),
          student.name(),
          student.email(),
          true,
          status,
          result.score(),
          scores,
          mistakes,
          List.copyOf(problems),
          result.isolation().name());
    }

    /** This entry as a line of the class summary. */
    public ClassSummary.StudentLine toSummaryLine() {
      return new ClassSummary.StudentLine(
          id, name, email, graded, status, total, scores, mistakes, problems);
    }
  }
}
