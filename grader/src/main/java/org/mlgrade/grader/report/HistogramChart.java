package org.mlgrade.grader.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.mlgrade.grader.report.PdfFonts.Face;

/** Draws a {@link ScoreStats} histogram as vector graphics: bars, a count axis, point edges. */
final class HistogramChart {

  private static final float TITLE_SIZE = 8.5f;
  private static final float LABEL_SIZE = 6.5f;

  private HistogramChart() {}

  /**
   * Draws the histogram of {@code stats} titled {@code title} in the box whose top-left corner
   * is ({@code x}, {@code top}).
   */
  static void draw(PdfLayout pdf, ScoreStats stats, String title, float x, float top,
      float width, float height) throws IOException {
    PDPageContentStream cs = pdf.stream();
    Face regular = pdf.fonts().regular;
    Face bold = pdf.fonts().bold;
    pdf.text(bold, TITLE_SIZE, x, top - TITLE_SIZE,
        PdfLayout.fit(bold.printable(title), bold, TITLE_SIZE, width), PdfLayout.TEXT);
    float left = x + 26;
    float right = x + width - 4;
    float bottom = top - height + 20;
    float plotTop = top - TITLE_SIZE - 14;
    float plotHeight = plotTop - bottom;
    if (stats.count() == 0) {
      frame(cs, left, bottom, right, plotTop);
      String none = "no graded students";
      pdf.text(regular, 8, (left + right - regular.width(none, 8)) / 2,
          bottom + plotHeight / 2, none, PdfLayout.MUTED);
      return;
    }
    int step = step(stats.tallest());
    int axisMax = Math.max(step, (int) Math.ceil(stats.tallest() / (double) step) * step);
    // count axis: grid lines and labels
    cs.setLineWidth(0.3f);
    for (int tick = 0; tick <= axisMax; tick += step) {
      float ty = bottom + plotHeight * tick / axisMax;
      cs.setStrokingColor(PdfLayout.SHADE.darker());
      cs.moveTo(left, ty);
      cs.lineTo(right, ty);
      cs.stroke();
      String label = String.valueOf(tick);
      pdf.text(regular, LABEL_SIZE, left - 3 - regular.width(label, LABEL_SIZE),
          ty - LABEL_SIZE / 3, label, PdfLayout.MUTED);
    }
    pdf.text(regular, LABEL_SIZE, x, plotTop + 4, "students", PdfLayout.MUTED);
    // bars[bin] and their counts
    int[] bins = stats.bins();
    float binWidth = (right - left) / bins.length;
    for (int i = 0; i < bins.length; i++) {
      if (bins[i] == 0) {
        continue;
      }
      float barHeight = plotHeight * bins[i] / axisMax;
      float bx = left + i * binWidth;
      cs.setNonStrokingColor(PdfLayout.ACCENT);
      cs.addRect(bx + 1, bottom, binWidth - 2, barHeight);
      cs.fill();
      String count = String.valueOf(bins[i]);
      float countWidth = regular.width(count, LABEL_SIZE);
      if (countWidth < binWidth) {
        pdf.text(regular, LABEL_SIZE, bx + (binWidth - countWidth) / 2, bottom + barHeight + 2,
            count, PdfLayout.TEXT);
      }
    }
    frame(cs, left, bottom, right, plotTop);
    // point axis: each bar's score when bars are scores, else the bins' edges; as many labels
    // as fit without overlapping
    int labels = stats.centred() ? bins.length : bins.length + 1;
    float offset = stats.centred() ? binWidth / 2 : 0;
    float widest = 0;
    for (int i = 0; i < labels; i++) {
      widest = Math.max(widest, regular.width(label(stats, i), LABEL_SIZE));
    }
    int every = 1;
    while (every < labels && binWidth * every < widest + 4) {
      every++;
    }
    for (int i = 0; i < labels; i += every) {
      String label = label(stats, i);
      float lx = left + offset + i * binWidth - regular.width(label, LABEL_SIZE) / 2;
      pdf.text(regular, LABEL_SIZE, lx, bottom - LABEL_SIZE - 2, label, PdfLayout.MUTED);
    }
    String axis = "points";
    pdf.text(regular, LABEL_SIZE, (left + right - regular.width(axis, LABEL_SIZE)) / 2,
        bottom - 2 * LABEL_SIZE - 5, axis, PdfLayout.MUTED);
  }

  private static void frame(PDPageContentStream cs, float left, float bottom, float right,
      float top) throws IOException {
    cs.setStrokingColor(PdfLayout.MUTED);
    cs.setLineWidth(0.6f);
    cs.moveTo(left, top);
    cs.lineTo(left, bottom);
    cs.lineTo(right, bottom);
    cs.stroke();
  }

  /** A tick step of 1, 2 or 5 times a power of ten giving at most five ticks. */
  static int step(int tallest) {
    int step = 1;
    while (true) {
      for (int factor : new int[] {1, 2, 5}) {
        if (tallest / (step * factor) <= 4) {
          return step * factor;
        }
      }
      step *= 10;
    }
  }

  /** The score at bar {@code i}'s centre, or at the lower edge of bin {@code i}. */
  private static String label(ScoreStats stats, int i) {
    return Tables.points(Math.round(i * stats.width() * 100) / 100.0);
  }
}
