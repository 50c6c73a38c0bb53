package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.batch.BatchRunner;
import org.mlgrade.grader.batch.ClassFolder;
import org.mlgrade.grader.batch.ClassOutputs;
import org.mlgrade.grader.batch.Journal;
import org.mlgrade.grader.batch.JournalLine;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;
import org.mlgrade.grader.batch.PdfReporters;
import org.mlgrade.grader.batch.Progress;
import org.mlgrade.grader.batch.Shard;
import org.mlgrade.grader.batch.Student;
import org.mlgrade.grader.report.ClassSummary;
import org.mlgrade.grader.report.OutputFolder;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.sandbox.ChildAccess;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationWarning;
import org.mlgrade.grader.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mlgrade batch}: grades a whole class, resumably. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Grades every submission under ROOT (each sub-directory or .zip is one student; a",
      "Gradescope export's submission_metadata.yml gives names and emails) with one grader and",
      "--jobs workers. Writes OUT/<student>/results.json and feedback.pdf, OUT/grades.csv and",
      "OUT/summary.pdf. Each finished student is journaled in OUT/journal.jsonl: run the same",
      "command again after a crash or kill and only the unfinished students are graded; a",
      "student the grader's process died on twice (code that kills it) is not graded again."
    })
final class BatchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ROOT", description = "the class: one folder or .zip per student")
  Path root;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "the output folder (also holds the journal that makes a batch resumable)")
  Path outDir;

  @Mixin RubricOption rubric;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "students graded in parallel, each in its own child JVM (default: the "
              + "number of cores, here ${DEFAULT-VALUE})")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      converter = ShardConverter.class,
      description =
          "grade only part I of N of ROOT, chosen by a stable hash of the student id; "
              + "combine the parts with mlgrade merge")
  Shard shard = Shard.ALL;

  @Option(
      names = "--regrade",
      description = "start over: forget the journal and grade every student again")
  boolean regrade;

  @Option(names = "--quiet", description = "no progress; warnings and the summary line only")
  boolean quiet;

  @Mixin IsolationOptions isolation;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException, RubricException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    if (jobs < 1) {
      err.println("mlgrade batch: --jobs must be at least 1, not " + jobs);
      return ExitCodes.USAGE;
    }
    List<Student> students;
    try {
      Path outFolder = outDir.toAbsolutePath().normalize();
      students =
          ClassFolder.scan(root).stream()
              .filter(s -> !s.submission().toAbsolutePath().normalize().equals(outFolder))
              .filter(s -> shard.contains(s.id()))
              .toList();
    } catch (IllegalArgumentException e) {
      err.println("mlgrade batch: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    // The other students' submissions and their results are secrets too: below bubblewrap a
    // child that could read them makes the batch refuse hidden tests, naming the chmod.
    SandboxOptions options =
        isolation.sandbox(
            rubric.secretsWith(
                new ChildAccess.Secret(root, "the class folder (the other students' submissions)"),
                new ChildAccess.Secret(outDir, "the output folder")));
    JournalLine.Header header;
    PdfReporters pdfs = PdfReporters.standard();
    Progress progress =
        quiet
            ? Progress.quiet(err)
            : System.console() != null ? Progress.live(out, err) : Progress.lines(out, err);
    // The compiler JVM and the sandbox start while the rubric is read and the journal checked.
    try (Grader.Start started = Grader.start(options)) {
      RubricSource source = rubric.source();
      Rubric loaded = source.load();
      try {
        OutputFolder.prepare(outDir);
      } catch (IOException e) {
        err.println("mlgrade batch: cannot write results: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      header = header(loaded, source.bytes());
      OptionalInt failed = grade(started, loaded, header, students, progress, pdfs, out, err);
      if (failed.isPresent()) {
        return failed.getAsInt();
      }
    }
    List<StudentEntry> rows = ClassOutputs.rows(Journal.read(outDir.resolve(Journal.FILE)));
    boolean summaryWritten = ClassOutputs.write(outDir, header, rows, pdfs, progress);
    rows.stream()
        .map(StudentEntry::isolation)
        .filter(level -> !level.isEmpty())
        .distinct()
        .map(IsolationLevel::valueOf)
        .forEach(level -> warnBelowBubblewrap(err, level));
    return finish(out, rows, header, summaryWritten, start);
  }

  /**
   * Journals this run and grades the students not graded yet; the exit code when the batch cannot
   * go on, none when it can.
   */
  private OptionalInt grade(
      Grader.Start started,
      Rubric loaded,
      JournalLine.Header header,
      List<Student> students,
      Progress progress,
      PdfReporters pdfs,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    try (Journal journal = Journal.open(outDir, header, regrade)) {
      journal.append(
          new JournalLine.Run(shard.toString(), students.stream().map(Student::id).toList()));
      Set<String> done = journal.contents().done();
      List<Student> pending = students.stream().filter(s -> !done.contains(s.id())).toList();
      if (!quiet && !done.isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%d of %d students already graded in %s; grading the other " + "%d%n",
            students.size() - pending.size(),
            students.size(),
            outDir,
            pending.size());
      }
      if (!pending.isEmpty()) {
        try (Grader grader = started.open(loaded)) {
          try {
            grader.plan();
          } catch (IllegalArgumentException e) {
            err.println("mlgrade batch: invalid rubric: " + e.getMessage());
            return OptionalInt.of(ExitCodes.INVALID_RUBRIC);
          }
          // Refused (IsolationRefusedException: Main's one line, exit 5) before any student.
          warnBelowBubblewrap(err, IsolationOptions.await(grader));
          new BatchRunner(grader::grade, pdfs, journal, outDir, progress).run(pending, jobs);
        }
      }
    } catch (Journal.RubricChanged e) {
      err.println("mlgrade batch: " + e.getMessage());
      return OptionalInt.of(ExitCodes.USAGE);
    } catch (IOException e) { // a journal that cannot be read or written, said in one line
      err.println("mlgrade batch: " + e.getMessage());
      return OptionalInt.of(ExitCodes.USAGE);
    }
    return OptionalInt.empty();
  }

  /** Says loudly, before and after the class, that students ran below {@code BUBBLEWRAP}. */
  private static void warnBelowBubblewrap(PrintWriter err, IsolationLevel level) {
    IsolationWarning.text(level)
        .ifPresent(
            warning -> {
              err.println(warning);
              err.flush();
            });
  }

  /** Prints the summary line and returns the exit code of a batch or a merge. */
  static int finish(
      PrintWriter out,
      List<StudentEntry> rows,
      JournalLine.Header header,
      boolean summaryWritten,
      long startNanos) {
    long graded = rows.stream().filter(StudentEntry::graded).count();
    long pdfFailed =
        rows.stream()
            .filter(r -> r.graded() && r.status().contains(BatchRunner.FEEDBACK + " failed"))
            .count();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double mean = ClassOutputs.mean(rows);
    out.printf(
        Locale.ROOT,
        "%d graded, %d not graded, mean %s / %s, %.1f s%s%s%n",
        graded,
        rows.size() - graded,
        Double.isNaN(mean) ? "-" : String.format(Locale.ROOT, "%.2f", mean),
        points(header.maxTotal()),
        seconds,
        pdfFailed > 0 ? ", " + pdfFailed + " feedback PDF(s) not written" : "",
        summaryWritten ? "" : ", summary.pdf not written");
    out.flush();
    boolean complete = graded == rows.size() && pdfFailed == 0 && summaryWritten;
    return complete ? ExitCodes.OK : ExitCodes.INCOMPLETE;
  }

  private static String points(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The journal header of {@code rubric}, whose file holds {@code bytes}. */
  static JournalLine.Header header(Rubric rubric, byte[] bytes) {
    try {
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return new JournalLine.Header(
          JournalLine.Header.VERSION,
          sha,
          String.valueOf(rubric.source()),
          rubric.assignment(),
          rubric.questions().stream()
              .map(q -> new ClassSummary.QuestionInfo(q.id(), q.title(), q.points()))
              .toList(),
          rubric.maxScore());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Reads {@code --shard I/N}. */
  static final class ShardConverter implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      try {
        return Shard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
