package org.mlgrade.grader.handout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.mlgrade.grader.check.VisibleTests;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.Question;

/**
 * Writes the students' handout for a rubric:
 *
 * <pre>
 * README.md                  how to compile, self-check and read the output
 * pom.xml                    for IDEs: sources in src/, the API jar from lib/
 * lib/mlgrade-api.jar        the student API
 * lib/mlgrade-api-sources.jar
 * doc/index.html             the API's Javadoc: the assignment text
 * src/hw/*Solution.java      one skeleton per interface the rubric grades
 * mlgrade-check.jar          the self-check (no reference class, no test data)
 * visible-tests.json         the visible tests, expected answers and known mistakes' answers
 * </pre>
 *
 * <p>The jars come from the grader's build: the API jars and Javadoc inside {@code mlgrade.jar}
 * ({@link #ASSETS}), the check jar beside it.
 */
public final class Handout {

  /** Where the API jar, its sources and its Javadoc are inside mlgrade.jar. */
  public static final String ASSETS = "/org/mlgrade/grader/handout/assets/";
  /** Where the check jar holds the comparisons (see grader/pom.xml's check-jar relocation). */
  static final String CHECK_COMPARE = "org/mlgrade/check/compare/";
  /** The self-check jar's name, beside mlgrade.jar and in the handout. */
  public static final String CHECK_JAR = "mlgrade-check.jar";

  private Handout() {}

  /**
   * Writes the handout of {@code plan} into {@code out} (created; must be empty if it exists).
   *
   * @param checkJar the self-check jar to copy
   * @throws IllegalStateException when an asset is missing from the build
   */
  public static void write(GradingPlan plan, Path checkJar, Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty");
        }
      }
    }
    Files.createDirectories(out.resolve("lib"));
    copyAsset("mlgrade-api.jar", out.resolve("lib/mlgrade-api.jar"));
    copyAsset("mlgrade-api-sources.jar", out.resolve("lib/mlgrade-api-sources.jar"));
    Path javadoc = Files.createTempFile("mlgrade-api-javadoc-", ".jar");
    try {
      copyAsset("mlgrade-api-javadoc.jar", javadoc);
      unpack(javadoc, Files.createDirectories(out.resolve("doc")));
    } finally {
      Files.deleteIfExists(javadoc);
    }
    Files.copy(checkJar, out.resolve(CHECK_JAR));
    VisibleTests tests = VisibleTestsBuilder.of(plan, portableIn(checkJar));
    tests.write(out.resolve(VisibleTests.FILE_NAME));
    List<Class<?>> apis = interfaces(plan);
    for (Class<?> api : apis) {
      Path file = out.resolve("src").resolve(Skeletons.path(api));
      Files.createDirectories(file.getParent());
      Files.writeString(file, Skeletons.source(api));
    }
    Files.writeString(out.resolve("pom.xml"), pom());
    Files.writeString(out.resolve("README.md"), StudentReadme.text(tests, apis));
  }

  /** Zips the handout folder {@code dir} into {@code zip}, under a folder of the same name. */
  public static void zip(Path dir, Path zip) throws IOException {
    Files.deleteIfExists(zip);
    String top = dir.toAbsolutePath().normalize().getFileName().toString();
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"));
        Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.toList()) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        Path target = fs.getPath("/" + top + (relative.isEmpty() ? "" : "/" + relative));
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /** The interfaces the rubric grades, in rubric order. */
  static List<Class<?>> interfaces(GradingPlan plan) {
    Set<Class<?>> apis = new LinkedHashSet<>();
    for (Question question : plan.rubric().questions()) {
      apis.add(question.problem().solverType());
    }
    return new ArrayList<>(apis);
  }

  /**
   * Whether the self-check jar {@code checkJar} holds a comparison class, named relative to the
   * package of {@code Comparison} (which the check jar relocates to {@link #CHECK_COMPARE}).
   */
  public static Predicate<String> portableIn(Path checkJar) throws IOException {
    Set<String> entries = new HashSet<>();
    try (ZipFile zip = new ZipFile(checkJar.toFile())) {
      zip.stream().forEach(e -> entries.add(e.getName()));
    }
    return relative -> entries.contains(CHECK_COMPARE + relative.replace('.', '/') + ".class");
  }

  /** The self-check jar beside {@code grader}, the running mlgrade.jar, if it is there. */
  public static Optional<Path> checkJarBeside(Path grader) {
    Path beside = grader.resolveSibling(CHECK_JAR);
    return Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
  }

  private static void copyAsset(String name, Path target) throws IOException {
    try (InputStream in = Handout.class.getResourceAsStream(ASSETS + name)) {
      if (in == null) {
        throw new IllegalStateException("the handout asset " + name + " is missing from the "
            + "grader's jar; build mlgrade.jar with mvn -B -DskipTests package");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void unpack(Path jar, Path target) throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of());
        Stream<Path> walk = Files.walk(fs.getPath("/"))) {
      for (Path entry : walk.toList()) {
        String name = entry.toString().substring(1);
        if (name.isEmpty() || name.startsWith("META-INF")) {
          continue;
        }
        Path out = target.resolve(name);
        if (Files.isDirectory(entry)) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(entry, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String pom() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + POM_BODY;
  }

  private static final String POM_BODY = """
      <!-- For IDEs: your sources in src/, the student API from lib/. javac alone works too
           (see README.md). -->
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>student</groupId>
        <artifactId>homework</artifactId>
        <version>1</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>org.mlgrade</groupId>
            <artifactId>mlgrade-api</artifactId>
            <version>handout</version>
            <scope>system</scope>
            <systemPath>${project.basedir}/lib/mlgrade-api.jar</systemPath>
          </dependency>
        </dependencies>
        <build>
          <sourceDirectory>src</sourceDirectory>
        </build>
      </project>
      """;
}
