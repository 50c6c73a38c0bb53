package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.mlgrade.grader.report.PdfFonts.Face;

class PdfFontsTest {

  @Test
  void everyFaceHasGlyphsForTheGreekLettersAndMathsSymbols() throws Exception {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = new PdfFonts(document);
      for (Face face : List.of(fonts.regular, fonts.bold, fonts.mono())) {
        FeedbackPdfTest.SYMBOLS
            .replace(" ", "")
            .codePoints()
            .forEach(
                cp ->
                    assertThat(face.covers(cp))
                        .as("%s has %s", face.font().getName(), Character.toString(cp))
                        .isTrue());
        assertThat(face.printable(FeedbackPdfTest.SYMBOLS)).isEqualTo(FeedbackPdfTest.SYMBOLS);
        assertThat(face.font().getName()).contains("DejaVuSans");
      }
    }
  }

  @Test
  void whatAFontCannotDrawBecomesAQuestionMark() throws Exception {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = new PdfFonts(document);
      // DejaVu has no CJK ideographs; a control character is never drawn; a tab is two spaces
      assertThat(fonts.regular.printable("a中b\u0007c\td")).isEqualTo("a?b?c  d");
      assertThat(fonts.regular.width("a中b", 10)).isPositive();
    }
  }
}
