package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a written PDF back: its text, whether any glyph leaves the page, a rendered page. */
final class PdfAssertions {

  private PdfAssertions() {}

  /** The text of every page, as PDFBox extracts it. */
  static String text(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** The names of the fonts the pages use (a subset's tag included, e.g. "ABCDEF+DejaVuSans"). */
  static List<String> fonts(Path pdf) throws IOException {
    List<String> names = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          names.add(page.getResources().getFont(name).getName());
        }
      }
    }
    return names;
  }

  /** The number of pages. */
  static int pages(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return document.getNumberOfPages();
    }
  }

  /**
   * The glyphs drawn (even partly) outside the page's box inset by {@code sides} points left and
   * right and {@code ends} points top and bottom, as "page N: c at (x, y)"; empty when all text
   * stays inside.
   */
  static List<String> glyphsOutside(Path pdf, float sides, float ends) throws IOException {
    List<String> outside = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              PDRectangle box = getCurrentPage().getMediaBox();
              for (TextPosition p : positions) {
                // TextPosition's y is measured from the top of the page
                boolean inside =
                    p.getXDirAdj() >= sides
                        && p.getXDirAdj() + p.getWidthDirAdj() <= box.getWidth() - sides + 0.01f
                        && p.getYDirAdj() - p.getHeightDir() >= ends
                        && p.getYDirAdj() <= box.getHeight() - ends;
                if (!inside && outside.size() < 20) {
                  outside.add(
                      "page "
                          + getCurrentPageNo()
                          + ": '"
                          + p.getUnicode()
                          + "' at ("
                          + p.getXDirAdj()
                          + ", "
                          + p.getYDirAdj()
                          + ")");
                }
              }
            }
          };
      stripper.getText(document);
    }
    return outside;
  }

  /** Renders page {@code index} and checks that it drew something besides white paper. */
  static BufferedImage renders(Path pdf, int index) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(index, 40);
      assertThat(image.getWidth()).isGreaterThan(100);
      long inked = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
            inked++;
          }
        }
      }
      assertThat(inked).as("non-white pixels on page %d", index + 1).isGreaterThan(500);
      return image;
    }
  }
}
