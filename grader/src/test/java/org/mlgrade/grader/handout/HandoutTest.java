package org.mlgrade.grader.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.judge.GradingPlan.PlannedTest;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.ProblemRegistry;

/**
 * The handout of the default rubric, built by {@code java -jar mlgrade.jar handout --zip}: no
 * reference class and no hidden test in any of its files (jars and the zip searched inside),
 * skeletons that compile with javac alone and self-check to 0 points as "not implemented" with a
 * feedback PDF that opens, and the check jar's verdict on the correct sample.
 *
 * <p>Needs the packaged {@code mlgrade.jar} and {@code mlgrade-check.jar} beside it (system
 * property {@code mlgrade.jar}, else {@code target/mlgrade.jar}): it runs after package.
 */
@Tag("e2e")
class HandoutTest {

  private static final Path RUBRIC = Path.of("..", "rubrics", "ml-homework.json");
  private static final long TIMEOUT_MINUTES = 5;

  /** Of grading's results, the records the feedback PDF reads: no judge, no reference. */
  private static final List<String> RESULT_CLASSES =
      List.of(
          "org/mlgrade/grader/judge/Result.class",
          "org/mlgrade/grader/judge/QuestionResult.class",
          "org/mlgrade/grader/judge/TestResult",
          "org/mlgrade/grader/judge/Outcome",
          "org/mlgrade/grader/judge/ResultVisibility",
          "org/mlgrade/grader/judge/CompileSummary",
          "org/mlgrade/grader/judge/IsolationSummary");

  /**
   * Which org/mlgrade classes the check jar may hold: API, harness, runner, comparisons, and the
   * result records and writer of the feedback PDF.
   */
  private static final List<String> CHECK_JAR_PACKAGES =
      Stream.concat(
              Stream.of(
                  "org/mlgrade/api/",
                  "org/mlgrade/harness/",
                  "org/mlgrade/grader/check/",
                  "org/mlgrade/grader/sandbox/",
                  "org/mlgrade/grader/io/",
                  "org/mlgrade/grader/submission/",
                  "org/mlgrade/grader/rubric/Limits",
                  "org/mlgrade/grader/rubric/Visibility",
                  "org/mlgrade/check/compare/",
                  "org/mlgrade/grader/report/FeedbackPdf",
                  "org/mlgrade/grader/report/Findings",
                  "org/mlgrade/grader/report/PdfLayout",
                  "org/mlgrade/grader/report/PdfFonts",
                  "org/mlgrade/grader/report/OutcomeWords",
                  "org/mlgrade/grader/report/Tables"),
              RESULT_CLASSES.stream())
          .toList();

  @TempDir static Path shared;
  private static Path handout;
  private static Path zip;

  @BeforeAll
  static void buildTheHandout() throws Exception {
    Path jar = Path.of(System.getProperty("mlgrade.jar", "target/mlgrade.jar"));
    assumeTrue(
        Files.isRegularFile(jar) && Files.isRegularFile(jar.resolveSibling("mlgrade-check.jar")),
        "needs the packaged " + jar + " (mvn package)");
    handout = shared.resolve("hw");
    zip = shared.resolve("hw.zip");
    Result built =
        run(
            shared,
            List.of(
                java(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "handout",
                "--rubric",
                RUBRIC.toAbsolutePath().toString(),
                "--out",
                handout.toString(),
                "--zip"));
    assertThat(built.status()).as(built.output()).isZero();
  }

  private record Result(int status, String output) {}

  private static Result run(Path directory, List<String> command) throws Exception {
    Path log = Files.createTempFile(shared, "out-", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), Files.readString(log));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Every file's bytes by name, jars and zips opened recursively. */
  private static Map<String, byte[]> contents() throws IOException {
    Map<String, byte[]> all = new LinkedHashMap<>();
    for (Path file : files(shared)) {
      if (!file.startsWith(handout) && !file.equals(zip)) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      add(all, shared.relativize(file).toString(), bytes);
    }
    return all;
  }

  private static void add(Map<String, byte[]> all, String name, byte[] bytes) throws IOException {
    all.put(name, bytes);
    if (name.endsWith(".jar") || name.endsWith(".zip")) {
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
        for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
          if (!entry.isDirectory()) {
            add(all, name + "!/" + entry.getName(), in.readAllBytes());
          }
        }
      }
    }
  }

  @Test
  void handoutHoldsWhatTheStudentsNeed() {
    for (String name :
        List.of(
            "README.md",
            "pom.xml",
            "lib/mlgrade-api.jar",
            "lib/mlgrade-api-sources.jar",
            "doc/index.html",
            "mlgrade-check.jar",
            "visible-tests.json",
            "src/hw/ConvArithmeticSolution.java",
            "src/hw/KernelValiditySolution.java")) {
      assertThat(handout.resolve(name)).as(name).isRegularFile();
    }
    assertThat(zip).isRegularFile();
  }

  @Test
  void noReferenceClassInAnyFileOrJarOfTheHandout() throws IOException {
    Map<String, byte[]> all = contents();
    assertThat(all.keySet())
        .as("jars opened")
        .anyMatch(n -> n.contains("mlgrade-check.jar!/"))
        .anyMatch(n -> n.startsWith("hw.zip!/hw/mlgrade-check.jar!/"));
    assertThat(all.keySet()).noneMatch(n -> n.contains("org/mlgrade/reference/"));
    assertThat(all.keySet())
        .noneMatch(
            n ->
                n.contains("org/mlgrade/grader/judge/")
                    && RESULT_CLASSES.stream().noneMatch(c -> n.contains("!/" + c)));
    assertThat(all.keySet())
        .noneMatch(
            n ->
                n.contains("org/mlgrade/grader/rubrics/")
                    || n.contains("org/mlgrade/grader/handout"));
    try (ZipFile check = new ZipFile(handout.resolve("mlgrade-check.jar").toFile())) {
      Set<String> ours = new TreeSet<>();
      for (Enumeration<? extends ZipEntry> e = check.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.startsWith("org/mlgrade/") && name.endsWith(".class")) {
          ours.add(name);
        }
      }
      assertThat(ours)
          .isNotEmpty()
          .allMatch(n -> CHECK_JAR_PACKAGES.stream().anyMatch(n::startsWith));
      assertThat(ours)
          .noneMatch(
              n -> n.contains("Reference") || n.contains("Mistakes") || n.contains("Generator"));
    }
  }

  @Test
  void checkJarKeepsOnlyTheThreeEmbeddedFontsAndNoCjkCMaps() throws IOException {
    Set<String> fonts = new TreeSet<>();
    List<String> cjk = new ArrayList<>();
    try (ZipFile check = new ZipFile(handout.resolve("mlgrade-check.jar").toFile())) {
      for (Enumeration<? extends ZipEntry> e = check.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.startsWith("net/sf/jasperreports/") && name.endsWith(".ttf")) {
          fonts.add(name.substring(name.lastIndexOf('/') + 1));
        }
        if (name.startsWith("org/apache/fontbox/cmap/Uni")
            || name.startsWith("org/apache/fontbox/cmap/Adobe-")) {
          cjk.add(name);
        }
      }
    }
    // report.PdfFonts embeds DejaVu Sans, its bold and DejaVu Sans Mono; nothing else.
    assertThat(fonts)
        .containsExactly("DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuSansMono.ttf");
    assertThat(cjk).isEmpty();
  }

  /** The text of a PDF, whitespace runs as one space; fails unless PDFBox opens it. */
  private static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isPositive();
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+\\.[0-9]+(E-?[0-9]+)?");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"\n]{1,80}\"");

  /**
   * The numbers of a value that identify it: 9 or more significant digits, and not a simple
   * fraction p/q with q <= 64 (points such as 4/7 are not a test's data).
   */
  private static void distinctive(JsonNode node, Set<String> into) {
    if (node.isNumber() && node.isFloatingPointNumber()) {
      String text = node.asText();
      double value = node.asDouble();
      boolean simple = false;
      for (int q = 1; q <= 64 && !simple; q++) {
        simple = Math.abs(value * q - Math.rint(value * q)) < 1e-9 * Math.max(1, q);
      }
      if (!simple && text.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() >= 9) {
        into.add(text);
      }
    }
    node.forEach(child -> distinctive(child, into));
  }

  private static Set<String> tokens(Pattern pattern, List<String> texts) {
    Set<String> tokens = new HashSet<>();
    for (String text : texts) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        tokens.add(matcher.group());
      }
    }
    return tokens;
  }

  @Test
  void noHiddenTestsInputAnswerOrNameIsInAnyFile() throws Exception {
    GradingPlan plan = GradingPlan.of(new RubricLoader(ProblemRegistry.standard()).load(RUBRIC));
    Set<String> hidden = new TreeSet<>();
    Set<String> visible = new TreeSet<>();
    Set<String> hiddenNames = new TreeSet<>();
    for (PlannedTest test : plan.tests()) {
      boolean shown = test.test().visibility() == Visibility.VISIBLE;
      Set<String> into = shown ? visible : hidden;
      distinctive(Wire.MAPPER.valueToTree(test.test().input()), into);
      distinctive(Wire.MAPPER.valueToTree(test.expected()), into);
      if (!shown) {
        hiddenNames.add("\"" + test.test().name() + "\"");
      }
    }
    hidden.removeAll(visible);
    assertThat(hidden).as("distinctive values of the hidden tests").hasSizeGreaterThan(100);
    List<String> texts = new ArrayList<>();
    for (byte[] bytes : contents().values()) {
      texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    Set<String> numbers = tokens(NUMBER, texts);
    Set<String> quoted = tokens(QUOTED, texts);
    // The search works: the visible tests' values and names are found.
    assertThat(visible).anyMatch(numbers::contains);
    assertThat(quoted).contains("\"alexnet-table visible #1\"");

    assertThat(hidden).as("hidden values found in the handout").noneMatch(numbers::contains);
    assertThat(hiddenNames)
        .as("hidden test names found in the handout")
        .noneMatch(quoted::contains);
  }

  @Test
  void skeletonsCompileWithJavacAloneAndSelfCheckToZeroAsNotImplemented() throws Exception {
    List<String> javac =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d",
                "classes",
                "-cp",
                "lib/mlgrade-api.jar"));
    try (Stream<Path> sources = Files.list(handout.resolve("src/hw"))) {
      sources.map(p -> handout.relativize(p).toString()).sorted().forEach(javac::add);
    }
    Result compiled = run(handout, javac);
    assertThat(compiled.status()).as(compiled.output()).isZero();

    Result check = run(handout, List.of(java(), "-jar", "mlgrade-check.jar", "check", "src"));

    assertThat(check.status()).as(check.output()).isZero();
    assertThat(check.output())
        .doesNotContain("internal error")
        .doesNotContain("Exception in")
        .contains("Not implemented:")
        .contains("org.mlgrade.api.conv.ConvArithmetic")
        .contains("Hidden tests:")
        .containsPattern("(?m)^total\\s+0/\\d+");
    assertThat(check.output().lines().filter(l -> l.contains("not implemented")).count())
        .as("every question row")
        .isGreaterThanOrEqualTo(22);
    // the same feedback PDF as grading, in the default folder beside where the check ran
    Path pdf = handout.resolve("mlgrade-check").resolve("feedback.pdf");
    assertThat(check.output()).contains("Wrote " + Path.of("mlgrade-check", "feedback.pdf"));
    assertThat(pdf).isRegularFile();
    assertThat(pdfText(pdf))
        .contains("Total: 0 / ")
        .contains("Scores by question")
        .contains("Hidden tests: ")
        .contains("not implemented yet")
        .contains("org.mlgrade.api.conv.ConvArithmetic");
  }

  @Test
  void correctSampleSelfChecksToFullVisiblePoints() throws Exception {
    Path correct = Path.of("..", "submissions-sample", "correct").toAbsolutePath();

    Path out = shared.resolve("correct-check");
    Result check =
        run(
            handout,
            List.of(
                java(),
                "-jar",
                "mlgrade-check.jar",
                "check",
                correct.toString(),
                "--out",
                out.toString()));

    assertThat(check.status()).as(check.output()).isZero();
    Matcher total = Pattern.compile("(?m)^total\\s+([0-9.]+)/([0-9.]+)").matcher(check.output());
    assertThat(total.find()).as(check.output()).isTrue();
    assertThat(total.group(1)).as(check.output()).isEqualTo(total.group(2));
    assertThat(check.output()).doesNotContain("Not implemented:");
    assertThat(pdfText(out.resolve("feedback.pdf")))
        .contains("(100%)")
        .contains("Every test passed.");
  }

  @Test
  void fullJarChecksFromARubricAsTheHandoutDoes() throws Exception {
    Path jar = Path.of(System.getProperty("mlgrade.jar", "target/mlgrade.jar")).toAbsolutePath();
    Path rubric = Path.of("..", "rubrics", "hw4-naive-bayes.yaml").toAbsolutePath();
    Path correct = Path.of("..", "submissions-sample", "correct").toAbsolutePath();

    Path out = shared.resolve("full-check");
    Result check =
        run(
            shared,
            List.of(
                java(),
                "-jar",
                jar.toString(),
                "check",
                "--rubric",
                rubric.toString(),
                correct.toString(),
                "--out",
                out.toString()));

    // hw4-naive-bayes.yaml: two questions of 6 points, each with 2 visible and 10 hidden
    // proportional tests, so the visible tests carry 2 x 6 x 2/12 = 2 points.
    assertThat(check.status()).as(check.output()).isZero();
    assertThat(check.output())
        .containsPattern("(?m)^total\\s+2/2\\b")
        .contains("20 more tests, worth 10 points");
    assertThat(pdfText(out.resolve("feedback.pdf")))
        .contains("Total: 2 / 2 points (100%)")
        .contains("Hidden tests: 20 more tests, worth 10 points");
  }
}
