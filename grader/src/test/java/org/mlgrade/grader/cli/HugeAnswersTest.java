package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Rubric;

/**
 * Issue 13: the grader's heap is not the student's to fill. A submission whose 13 array-valued
 * methods each return 3.4 million doubles (about 13.6 million characters of JSON per answer, for
 * every test of those methods) is graded by the packaged jar in a JVM of 256 MiB: before answers
 * were bounded, the grader kept every such answer until judging and died of OutOfMemoryError.
 */
@Tag("e2e")
class HugeAnswersTest {

  /** The methods the submission answers hugely, as interface simple name + method. */
  private static final Set<String> HUGE = Set.of("BernoulliMixtureEm.eStep",
      "BernoulliMixtureEm.mStep", "BernoulliMixtureEm.fit", "KernelValidity.gram",
      "LogisticRegressionSgd.step", "LogisticRegressionSgd.epoch", "LogisticRegressionSgd.loss",
      "GaussianNaiveBayes.fit", "GaussianNaiveBayes.posterior", "ResNet.batchNorm",
      "ResNet.basicBlock", "ResNet.shallowNet", "Backprop.reluNet");

  /** The interfaces whose classes are the correct sample's, untouched. */
  private static final Set<String> CORRECT = Set.of("AlexNetCounts", "ConvArithmetic");

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void aGraderWith256MiBGradesThirteenMethodsOfHugeAnswers(@TempDir Path temp) throws Exception {
    Path jar = Path.of("target", "mlgrade.jar");
    assertThat(jar).as("the packaged grader (mvn -pl grader -am package)").isRegularFile();
    Path submission = temp.resolve("huge");
    copy(Path.of("..", "submissions-sample", "correct", "src"), submission.resolve("src"));
    copy(resource("huge-answers"), submission.resolve("src"));
    Path out = temp.resolve("out");
    Path stdout = temp.resolve("stdout.txt");
    Path stderr = temp.resolve("stderr.txt");

    Process grader = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", jar.toString(), "grade", submission.toString(), "--out", out.toString())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    boolean ended = grader.waitFor(14, TimeUnit.MINUTES);
    if (!ended) {
      grader.destroyForcibly();
    }

    String printed = Files.readString(stdout);
    String errors = Files.readString(stderr);
    assertThat(ended).as("the grader finished").isTrue();
    assertThat(grader.exitValue()).as(errors).isZero();
    assertThat(errors).doesNotContain("OutOfMemoryError");
    Rubric rubric = RubricSource.load(null);
    List<GradingPlan.PlannedTest> tests = GradingPlan.of(rubric).tests();
    long huge = tests.stream().filter(t -> HUGE.contains(name(t))).count();
    assertThat(huge).as("tests of the 13 methods in the default rubric").isGreaterThan(13);
    // Every test of a huge method is scored, as "answer too large" (the terminal details each).
    assertThat(count(printed, "\\): answer too large")).as(printed).isEqualTo(huge);
    // The untouched classes' questions keep their points, everything else scores 0.
    double expected = rubric.questions().stream()
        .filter(q -> CORRECT.contains(q.problem().solverType().getSimpleName()))
        .mapToDouble(Question::points).sum();
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(expected).isPositive();
    assertThat(results.get("score").asDouble()).isCloseTo(expected,
        Offset.offset(1e-6));
  }

  private static String name(GradingPlan.PlannedTest test) {
    String type = test.call().solverInterface();
    return type.substring(type.lastIndexOf('.') + 1) + "." + test.call().method();
  }

  private static long count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    long n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(HugeAnswersTest.class.getClassLoader().getResource(name).toURI());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
