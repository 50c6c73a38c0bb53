package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.Path;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.report.ClassSummary;
import org.mlgrade.grader.report.FeedbackPdf;
import org.mlgrade.grader.report.SummaryPdf;

/**
 * The PDF reporters a batch calls: the report package's {@link FeedbackPdf} and
 * {@link SummaryPdf} ({@link #standard()}), or stand-ins in tests. A reporter that throws costs
 * the student a PDF, never a score.
 */
public interface PdfReporters {

  /** Writes {@code feedback.pdf} for {@code result} into {@code directory}; returns the file. */
  Path feedback(Result result, Path directory) throws IOException;

  /** Writes the class summary to {@code file}. */
  void summary(ClassSummary summary, Path file) throws IOException;

  /** The report package's PDF reporters. */
  static PdfReporters standard() {
    return new PdfReporters() {
      @Override
      public Path feedback(Result result, Path directory) throws IOException {
        return FeedbackPdf.write(result, directory);
      }

      @Override
      public void summary(ClassSummary summary, Path file) throws IOException {
        SummaryPdf.write(summary, file);
      }
    };
  }
}
