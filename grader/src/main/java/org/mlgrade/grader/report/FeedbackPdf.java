package org.mlgrade.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import org.mlgrade.grader.judge.Result;

/** The student's feedback PDF. (Contract only: the PDF reporter replaces this body.) */
public final class FeedbackPdf {

  private FeedbackPdf() {}

  /** Writes {@code feedback.pdf} for {@code result} into {@code directory}; returns the file. */
  public static Path write(Result result, Path directory) throws IOException {
    throw new UnsupportedOperationException("feedback PDF not built yet");
  }
}
