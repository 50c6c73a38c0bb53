package org.mlgrade.grader.report;

import java.io.IOException;
import java.nio.file.Path;

/** The instructor's class summary PDF. (Contract only: the PDF reporter replaces this body.) */
public final class SummaryPdf {

  private SummaryPdf() {}

  /** Writes the summary of {@code summary} to {@code file}. */
  public static void write(ClassSummary summary, Path file) throws IOException {
    throw new UnsupportedOperationException("summary PDF not built yet");
  }
}
