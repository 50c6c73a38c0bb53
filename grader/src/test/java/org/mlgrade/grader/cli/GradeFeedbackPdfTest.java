package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlgrade grade} writes feedback.pdf beside results.json, and survives failing to. */
@Tag("e2e")
class GradeFeedbackPdfTest {

  private static final String SAMPLE = "../submissions-sample/mistake-alexnet-fc1-no-pool";

  private final Cli cli = new Cli();

  private static Path rubric(Path dir) throws Exception {
    Path rubric = dir.resolve("r.yaml");
    Files.writeString(
        rubric,
        """
        assignment: HW-PDF
        questions:
          - id: q1
            points: 2
            problem: alexnet.table
            tests:
              - generate: {count: 1, seed: 1}
                visibility: visible
        """);
    return rubric;
  }

  @Test
  void gradeWritesFeedbackPdfNextToResultsJson(@TempDir Path dir) throws Exception {
    Path outDir = dir.resolve("out");
    assertThat(
            cli.run(
                "grade", "--rubric", rubric(dir).toString(), "--out", outDir.toString(), SAMPLE))
        .as(cli.err())
        .isZero();
    Path pdf = outDir.resolve("feedback.pdf");
    assertThat(outDir.resolve("results.json")).exists();
    assertThat(cli.out()).contains("Wrote " + pdf);
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("HW-PDF", "mistake-alexnet-fc1-no-pool", "q1");
    }
  }

  @Test
  void aFeedbackPdfThatCannotBeWrittenIsLoudAndLeavesTheScoreAlone(@TempDir Path dir)
      throws Exception {
    Path rubric = rubric(dir);
    Path good = dir.resolve("good");
    assertThat(cli.run("grade", "--rubric", rubric.toString(), "--out", good.toString(), SAMPLE))
        .isZero();
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad.resolve("feedback.pdf")); // a directory where the file goes
    cli.clear();
    assertThat(cli.run("grade", "--rubric", rubric.toString(), "--out", bad.toString(), SAMPLE))
        .isZero();
    assertThat(cli.err())
        .contains("ERROR: could not write")
        .contains("feedback.pdf")
        .contains("the score is unaffected");
    ObjectMapper json = new ObjectMapper();
    JsonNode expected = json.readTree(good.resolve("results.json").toFile());
    JsonNode actual = json.readTree(bad.resolve("results.json").toFile());
    assertThat(actual.get("score")).isEqualTo(expected.get("score"));
    assertThat(actual.get("tests").size()).isEqualTo(expected.get("tests").size());
  }
}
