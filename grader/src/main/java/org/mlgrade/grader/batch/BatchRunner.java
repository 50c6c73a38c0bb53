package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.report.GradescopeReport;

/**
 * Grades students in parallel and journals each one. For a student, in this order: grade; write
 * {@code results.json} and {@code feedback.pdf} atomically into the student's folder; append the
 * journal line and force it to the disk. Only then does the student count as done, so a batch
 * killed at any point loses at most the students in flight.
 *
 * <p>When the grader itself fails (an exception escapes it, results.json or the journal cannot be
 * written) the student is "not graded: REASON": a warning, a journal entry that does not count as
 * done (the next run grades the student again), no stale results.json left behind, and the batch
 * goes on. A feedback PDF that cannot be written is a warning and the status "graded; feedback.pdf
 * failed: REASON"; the score stands. A student graded at a level that could not keep the hidden
 * tests from them (the operator's {@code --allow-weak-isolation}) is "graded at weak isolation
 * LEVEL (--allow-weak-isolation)".
 *
 * <p>A student's code may kill the grader's process itself (at {@code PROCESS_ONLY} it runs as the
 * grader's user). Each student is journaled as started before it is graded, so the next run knows
 * whom the process died on: it grades those students first, one at a time, and gives up on a
 * student after {@value #DEATHS_BEFORE_GIVING_UP} deaths ("not graded: the grader's process died
 * ..."), so that the batch can finish.
 */
public final class BatchRunner {

  /** A student's Gradescope results in their output folder. */
  public static final String RESULTS = "results.json";

  /** A student's feedback in their output folder. */
  public static final String FEEDBACK = "feedback.pdf";

  /**
   * After the grader's process died this many times while grading a student, the student is "not
   * graded" without being graded again (until {@code --regrade}).
   */
  public static final int DEATHS_BEFORE_GIVING_UP = 2;

  private final SubmissionGrader grader;
  private final PdfReporters pdfs;
  private final Journal journal;
  private final Path out;
  private final Progress progress;

  /**
   * @param grader grades one submission, from several threads at once
   * @param pdfs writes the feedback PDF
   * @param journal where finished students are recorded
   * @param out the output folder: one sub-folder per student
   * @param progress told of each finished student and of every failure
   */
  public BatchRunner(
      SubmissionGrader grader, PdfReporters pdfs, Journal journal, Path out, Progress progress) {
    this.grader = grader;
    this.pdfs = pdfs;
    this.journal = journal;
    this.out = out;
    this.progress = progress;
  }

  /**
   * Grades {@code students} with {@code jobs} workers and returns how many were graded.
   *
   * @throws InterruptedException when interrupted; the students in flight are then not done
   */
  public int run(List<Student> students, int jobs) throws InterruptedException {
    progress.start(students.size());
    AtomicInteger graded = new AtomicInteger();
    // The grader's process died while grading some students before (a submission that kills
    // it, or an operator's kill): those it died on twice are given up on; those it died on
    // once are graded first, one at a time, so that a second death names the culprit alone.
    Journal.Contents before = journal.contents();
    List<Student> suspects = new ArrayList<>();
    List<Student> others = new ArrayList<>();
    for (Student student : students) {
      int deaths = before.diedWhileGrading(student.id());
      if (deaths >= DEATHS_BEFORE_GIVING_UP) {
        notGraded(
            student,
            out.resolve(student.id()),
            "the grader's process died "
                + deaths
                + " times while grading this student (its code may kill the grader: at "
                + "PROCESS_ONLY it runs as the grader's user); grade it alone with mlgrade grade "
                + "and check the result by hand, or pass --regrade to try again");
      } else if (deaths > 0) {
        suspects.add(student);
      } else {
        others.add(student);
      }
    }
    for (Student suspect : suspects) {
      if (gradeOne(suspect).graded()) {
        graded.incrementAndGet();
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, jobs),
            task -> {
              Thread thread = new Thread(task, "mlgrade-batch-worker");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> futures =
          others.stream()
              .<Future<?>>map(
                  student ->
                      pool.submit(
                          () -> {
                            if (gradeOne(student).graded()) {
                              graded.incrementAndGet();
                            }
                          }))
              .toList();
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          // gradeOne catches everything it can; this is a bug of the batch itself.
          throw new IllegalStateException("a batch worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      progress.end();
    }
    return graded.get();
  }

  /** Grades one student and journals the outcome; never throws. */
  StudentEntry gradeOne(Student student) {
    Path folder = out.resolve(student.id());
    Result result;
    try {
      // Journaled first: should the process die now, the next run knows whom it was grading.
      journal.append(new JournalLine.Started(student.id()));
    } catch (IOException e) {
      return notGraded(student, folder, "cannot write the journal: " + describe(e));
    }
    try {
      Durable.clearTemporaries(folder);
      result = grader.grade(student.submission());
    } catch (Throwable e) {
      return notGraded(student, folder, "the grader failed: " + describe(e));
    }
    try {
      Durable.replace(folder.resolve(RESULTS), dir -> GradescopeReport.write(result, dir));
    } catch (Exception e) {
      return notGraded(student, folder, "cannot write " + RESULTS + ": " + describe(e));
    }
    // Hidden tests graded at a level that could not keep them from the student: the gradebook
    // says so on the student's row (results.json says so in its isolation notes).
    String status =
        result.isolation().weakIsolationAllowed()
            ? "graded at weak isolation " + result.isolation().name() + " (--allow-weak-isolation)"
            : "graded";
    try {
      Durable.replace(folder.resolve(FEEDBACK), dir -> pdfs.feedback(result, dir));
    } catch (Throwable e) {
      status = status + "; " + FEEDBACK + " failed: " + describe(e);
      deleteQuietly(folder.resolve(FEEDBACK));
      progress.warn(
          "mlgrade batch: "
              + student.id()
              + ": "
              + FEEDBACK
              + " could not be written (the score stands): "
              + describe(e));
    }
    StudentEntry entry = StudentEntry.graded(student, result, status);
    try {
      journal.append(entry);
    } catch (IOException e) {
      return notGraded(student, folder, "cannot write the journal: " + describe(e));
    }
    progress.finished(entry);
    return entry;
  }

  private StudentEntry notGraded(Student student, Path folder, String reason) {
    deleteQuietly(folder.resolve(RESULTS));
    deleteQuietly(folder.resolve(FEEDBACK));
    StudentEntry entry = StudentEntry.notGraded(student, reason);
    progress.warn(
        "mlgrade batch: "
            + student.id()
            + " not graded (graded again on the next "
            + "run): "
            + reason);
    try {
      journal.append(entry);
    } catch (IOException e) {
      progress.warn(
          "mlgrade batch: cannot record in the journal that "
              + student.id()
              + " was not graded: "
              + describe(e));
    }
    progress.finished(entry);
    return entry;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The journal and grades.csv still say what happened.
    }
  }

  /** A throwable in one line: its class and first line of message, for a CSV cell. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    String first =
        message == null || message.isBlank()
            ? ""
            : ": " + message.strip().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + first;
  }
}
