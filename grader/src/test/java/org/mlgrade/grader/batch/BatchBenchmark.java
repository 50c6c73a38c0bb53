package org.mlgrade.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.reference.ProblemRegistry;

/**
 * The class benchmark of issue 12: builds a class of N students from the samples, grades it with
 * {@code java -jar grader/target/mlgrade.jar batch} at one worker and at one worker per core,
 * grades a subset the naive way (a {@code javac} process and a JUnit console-launcher process per
 * submission, expected answers as literals), times a cold {@code mlgrade grade}, and prints a table
 * and writes {@code bench-report.json}.
 *
 * <p>CPU is that of the whole process tree, read from a fresh cgroup v1 {@code cpuacct} group (or
 * v2 {@code cpu.stat}) each measured command is started in; {@code /usr/bin/time}'s user+sys (which
 * counts only the descendants that were waited for) is printed beside it as a check. A main class,
 * not a test: run it with {@code grader/bench/batch.sh}.
 */
final class BatchBenchmark {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

  private final Path repo;
  private final Path jar;
  private final Path work;
  private final List<String> parentFlags;
  private final Cpu cpu;

  private BatchBenchmark(Path repo, Path work, List<String> parentFlags) throws IOException {
    this.repo = repo;
    this.jar = repo.resolve("grader/target/mlgrade.jar");
    this.work = work;
    this.parentFlags = parentFlags;
    this.cpu = Cpu.find(work);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: mvn -pl grader -am package first");
    }
  }

  /**
   * Options: {@code --n N} (students, default 200), {@code --naive-n N} (students graded both ways,
   * default 20), {@code --jobs 1,2} (default 1 and the core count), {@code --work DIR}, {@code
   * --parent-flags "-XX:..."} (JVM flags of every mlgrade process), {@code --cold 2} (cold one-shot
   * grades).
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--args-file")) {
      // batch.sh's arguments, one per line: a quoted --parent-flags keeps its spaces.
      args =
          Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
              .filter(line -> !line.isEmpty())
              .toArray(String[]::new);
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: " + String.join(" ", args));
    }
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int n = Integer.parseInt(options.getOrDefault("n", "200"));
    int naiveN = Integer.parseInt(options.getOrDefault("naive-n", "20"));
    List<Integer> jobs =
        Arrays.stream(options.getOrDefault("jobs", "1," + cores).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::parseInt)
            .distinct()
            .toList();
    Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    Path work = Path.of(options.getOrDefault("work", "grader/target/bench-batch")).toAbsolutePath();
    List<String> parentFlags =
        options.containsKey("parent-flags")
            ? List.of(options.get("parent-flags").trim().split("\\s+"))
            : List.of();
    deleteTree(work);
    Files.createDirectories(work);
    int cold = Integer.parseInt(options.getOrDefault("cold", "2"));
    new BatchBenchmark(repo, work, parentFlags).run(n, naiveN, jobs, cores, cold);
  }

  private void run(int n, int naiveN, List<Integer> jobs, int cores, int cold) throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("cores", cores);
    report.put("load_average_before", loadAverage());
    report.put("students", n);
    report.put("parent_flags", parentFlags);
    report.put("cpu_source", cpu.describe());
    Samples samples = new Samples(repo.resolve("submissions-sample"));
    ClassMix mix = ClassMix.build(samples, n, work.resolve("class"));
    report.put("mix", mix.counts());
    System.out.printf(
        Locale.ROOT,
        "cores %d, load average %s, %d students %s, cpu from %s%n",
        cores,
        loadAverage(),
        n,
        mix.counts(),
        cpu.describe());

    Map<String, Object> batches = new LinkedHashMap<>();
    for (int j : jobs) {
      Map<String, Object> one = new LinkedHashMap<>();
      BatchRun correct = batch(mix.correct(), null, j, "correct-j" + j);
      BatchRun others = batch(mix.others(), null, j, "others-j" + j);
      int nc = mix.countCorrect();
      int all = n;
      double wall = correct.measured().wallSeconds() + others.measured().wallSeconds();
      double cpuAll = correct.measured().cpuSeconds() + others.measured().cpuSeconds();
      one.put("submissions_per_second", all / wall);
      one.put("correct_per_second", nc / correct.measured().wallSeconds());
      one.put("cpu_seconds_per_submission", cpuAll / all);
      one.put("cpu_seconds_per_correct", correct.measured().cpuSeconds() / nc);
      one.put("rusage_cpu_seconds_per_correct", correct.measured().rusageCpuSeconds() / nc);
      one.put("correct_wall_p50", percentile(correct.gaps(), 0.5));
      one.put("correct_wall_p95", percentile(correct.gaps(), 0.95));
      List<Double> gaps = new ArrayList<>(correct.gaps());
      gaps.addAll(others.gaps());
      one.put("all_wall_p50", percentile(gaps, 0.5));
      one.put("all_wall_p95", percentile(gaps, 0.95));
      one.put(
          "peak_rss_mb",
          Math.max(correct.measured().peakRssKb(), others.measured().peakRssKb()) / 1024.0);
      one.put("peak_heap_mb", Math.max(correct.peakHeapMb(), others.peakHeapMb()));
      one.put("peak_heap_after_gc_mb", Math.max(correct.peakAfterGcMb(), others.peakAfterGcMb()));
      one.put("correct_run", correct.measured());
      one.put("others_run", others.measured());
      one.put("load_average_after", loadAverage());
      batches.put("jobs=" + j, one);
      System.out.printf(
          Locale.ROOT,
          "batch --jobs %d: %.3f subs/s, %.3f correct/s, "
              + "%.2f CPU-s/correct (rusage %.2f), %.2f CPU-s/sub, correct wall p50 %.2f s "
              + "p95 %.2f s%s, peak RSS %.0f MB, peak heap %d MB (%d MB after GC), load %s%n",
          j,
          one.get("submissions_per_second"),
          one.get("correct_per_second"),
          one.get("cpu_seconds_per_correct"),
          one.get("rusage_cpu_seconds_per_correct"),
          one.get("cpu_seconds_per_submission"),
          one.get("correct_wall_p50"),
          one.get("correct_wall_p95"),
          j == 1 ? "" : " (gap between completions)",
          one.get("peak_rss_mb"),
          one.get("peak_heap_mb"),
          one.get("peak_heap_after_gc_mb"),
          loadAverage());
    }
    report.put("batch", batches);

    if (naiveN > 0) {
      report.put("naive", naive(samples, mix, Math.min(naiveN, n)));
    }
    report.put("cold_grade", coldGrade(mix, cold));
    if (cold > 0) {
      report.put("cold_gradescope", coldGradescope(mix, cold));
    }
    report.put("targets", targets(report, n, cores));
    report.put("load_average_after", loadAverage());
    Path file = work.resolve("bench-report.json");
    JSON.writeValue(file.toFile(), report);
    System.out.println("report: " + file);
  }

  /**
   * Issue 12's targets against this run's figures, each printed as met or missed by how much (a
   * target whose figure this run did not measure is left out).
   */
  @SuppressWarnings("unchecked")
  private static List<String> targets(Map<String, Object> report, int n, int cores) {
    List<String> lines = new ArrayList<>();
    Map<String, Object> batches = (Map<String, Object>) report.get("batch");
    Map<String, Object> one = (Map<String, Object>) batches.get("jobs=1");
    Map<String, Object> all = (Map<String, Object>) batches.get("jobs=" + cores);
    if (one != null) {
      lines.add(
          atLeast(
              "correct submissions/s, one worker", (double) one.get("correct_per_second"), 1.2));
    }
    if (all != null && cores == 2) {
      lines.add(
          atLeast(
              "correct submissions/s, both cores", (double) all.get("correct_per_second"), 2.5));
    }
    for (Map.Entry<String, Object> entry : batches.entrySet()) {
      Map<String, Object> batch = (Map<String, Object>) entry.getValue();
      lines.add(
          atMost(
              "CPU-s per correct submission, whole tree, " + entry.getKey(),
              (double) batch.get("cpu_seconds_per_correct"),
              0.8));
      if (n >= 1000) {
        lines.add(
            atMost(
                "grader heap MB used before a GC, " + n + " students, " + entry.getKey(),
                ((Number) batch.get("peak_heap_mb")).doubleValue(),
                256));
      }
    }
    Map<String, Object> naive = (Map<String, Object>) report.get("naive");
    if (naive != null) {
      lines.add(
          atLeast(
              "times the naive baseline, wall, whole run",
              (double) naive.get("wall_ratio_naive_over_mlgrade"),
              10));
      lines.add(
          atLeast(
              "times the naive baseline, wall, per student after start-up",
              (double) naive.get("wall_ratio_per_student_after_startup"),
              10));
    }
    for (String kind : List.of("cold_grade", "cold_gradescope")) {
      Map<String, Object> cold = (Map<String, Object>) report.get(kind);
      if (cold == null) {
        continue;
      }
      double worst =
          cold.entrySet().stream()
              .filter(e -> e.getKey().startsWith("run"))
              .mapToDouble(e -> ((Measured) e.getValue()).wallSeconds())
              .max()
              .orElse(Double.NaN);
      if (!Double.isNaN(worst)) {
        lines.add(atMost("s wall, slowest " + kind.replace('_', ' '), worst, 1.5));
      }
    }
    lines.forEach(line -> System.out.println("target: " + line));
    return lines;
  }

  private static String atLeast(String what, double value, double target) {
    return String.format(
        Locale.ROOT,
        "%s: %.2f (target >= %s): %s",
        what,
        value,
        Double.toString(target).replaceFirst("\\.0$", ""),
        value >= target
            ? "met"
            : String.format(
                Locale.ROOT,
                "missed by %.2f (%.0f %%)",
                target - value,
                100 * (target - value) / target));
  }

  private static String atMost(String what, double value, double target) {
    return String.format(
        Locale.ROOT,
        "%s: %.2f (target <= %s): %s",
        what,
        value,
        Double.toString(target).replaceFirst("\\.0$", ""),
        value <= target
            ? "met"
            : String.format(
                Locale.ROOT,
                "missed by %.2f (%.0f %%)",
                value - target,
                100 * (value - target) / target));
  }

  /** One {@code mlgrade batch} run, and the completion gaps read from its journal. */
  /**
   * One {@code mlgrade batch} run, the completion gaps read from its journal, the largest heap
   * before a collection and the largest after one (an upper bound of what stays live).
   */
  private record BatchRun(
      Measured measured, List<Double> gaps, int peakHeapMb, int peakAfterGcMb) {}

  private BatchRun batch(Path classDir, Path rubric, int jobs, String name) throws Exception {
    Path out = work.resolve("out-" + name);
    Path gcLog = work.resolve("gc-" + name + ".log");
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(parentFlags);
    command.add("-Xlog:gc:file=" + gcLog);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "batch",
            classDir.toString(),
            "--out",
            out.toString(),
            "--jobs",
            String.valueOf(jobs),
            "--quiet"));
    if (rubric != null) {
      command.addAll(List.of("--rubric", rubric.toString()));
    }
    JournalWatch watch = new JournalWatch(out.resolve(Journal.FILE));
    Measured measured = cpu.run(command, work.resolve("log-" + name), watch::poll);
    watch.poll();
    return new BatchRun(
        measured, watch.gaps(measured.startNanos()), peakHeapMb(gcLog, 1), peakHeapMb(gcLog, 2));
  }

  /**
   * The naive baseline on the first {@code count} students, interleaved with mlgrade by halves:
   * mlgrade batch on the subset rubric for half of them, at its default {@code --jobs} (one worker
   * per core, as an instructor runs it; the naive script's javac and JUnit JVMs use every core
   * too), then javac + JUnit per student of that half, and again for the other half. Each mlgrade
   * run pays its start-up once for its half, as a class's batch pays it once; the ratio is also
   * given per student after start-up.
   */
  private Map<String, Object> naive(Samples samples, ClassMix mix, int count) throws Exception {
    Path rubric = repo.resolve("grader/bench/conv-nb.yaml");
    Path tests =
        NaiveTests.generate(
            new RubricLoader(ProblemRegistry.standard()).load(rubric),
            samples,
            work.resolve("naive-tests"));
    Path junit = NaiveTests.consoleLauncher();
    List<Path> students = mix.first(count);
    double mlgradeWall = 0;
    double mlgradeCpu = 0;
    double naiveWall = 0;
    double naiveCpu = 0;
    int chunk = (students.size() + 1) / 2;
    List<Double> mlgradeGaps = new ArrayList<>();
    for (int from = 0; from < students.size(); from += chunk) {
      List<Path> part = students.subList(from, Math.min(students.size(), from + chunk));
      Path partDir = work.resolve("naive-class-" + from);
      for (Path student : part) {
        copyTree(student, partDir.resolve(student.getFileName()));
      }
      BatchRun run =
          batch(partDir, rubric, Runtime.getRuntime().availableProcessors(), "subset-" + from);
      mlgradeWall += run.measured().wallSeconds();
      // The first completion also waits for the batch's start-up.
      mlgradeGaps.addAll(run.gaps().subList(Math.min(1, run.gaps().size()), run.gaps().size()));
      mlgradeCpu += run.measured().cpuSeconds();
      for (Path student : part) {
        Path classes = work.resolve("naive-out").resolve(student.getFileName());
        Files.createDirectories(classes);
        List<String> javac =
            new ArrayList<>(
                List.of(
                    javaHomeBin("javac"),
                    "-nowarn",
                    "-encoding",
                    "UTF-8",
                    "-d",
                    classes.toString(),
                    "-cp",
                    jar + ":" + junit));
        javac.addAll(javaFiles(student));
        javac.addAll(javaFiles(tests));
        Measured compiled = cpu.run(javac, work.resolve("log-naive-javac"), () -> {});
        naiveWall += compiled.wallSeconds();
        naiveCpu += compiled.cpuSeconds();
        if (compiled.exitCode() != 0) {
          continue;
        }
        List<String> launch =
            List.of(
                java(),
                "-jar",
                junit.toString(),
                "execute",
                "--disable-banner",
                "--details=none",
                "-cp",
                classes + ":" + jar,
                "--config=junit.jupiter.execution.timeout.default=5s",
                "--config=junit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD",
                "--select-package=naive");
        Measured tested = cpu.run(launch, work.resolve("log-naive-junit"), () -> {});
        naiveWall += tested.wallSeconds();
        naiveCpu += tested.cpuSeconds();
      }
    }
    Map<String, Object> naive = new LinkedHashMap<>();
    naive.put("students", students.size());
    naive.put("rubric", "grader/bench/conv-nb.yaml");
    naive.put("mlgrade_wall_s", mlgradeWall);
    naive.put("mlgrade_cpu_s", mlgradeCpu);
    naive.put("naive_wall_s", naiveWall);
    naive.put("naive_cpu_s", naiveCpu);
    naive.put("wall_ratio_naive_over_mlgrade", naiveWall / mlgradeWall);
    naive.put("cpu_ratio_naive_over_mlgrade", naiveCpu / mlgradeCpu);
    double perStudent =
        mlgradeGaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    naive.put("mlgrade_wall_per_student_after_startup_s", perStudent);
    naive.put("naive_wall_per_student_s", naiveWall / students.size());
    naive.put("wall_ratio_per_student_after_startup", naiveWall / students.size() / perStudent);
    System.out.printf(
        Locale.ROOT,
        "naive baseline, %d students, conv + naive Bayes: mlgrade "
            + "%.1f s wall %.1f CPU-s, naive %.1f s wall %.1f CPU-s: mlgrade is %.2fx faster "
            + "(wall), %.2fx (CPU); per student after mlgrade's start-up %.2f s vs %.2f s: %.1fx;"
            + " load %s%n",
        students.size(),
        mlgradeWall,
        mlgradeCpu,
        naiveWall,
        naiveCpu,
        naiveWall / mlgradeWall,
        naiveCpu / mlgradeCpu,
        perStudent,
        naiveWall / students.size(),
        naiveWall / students.size() / perStudent,
        loadAverage());
    return naive;
  }

  /** Two cold one-shot {@code mlgrade grade} runs of a correct student, and their CPU. */
  private Map<String, Object> coldGrade(ClassMix mix, int runs) throws Exception {
    Path student = mix.first(1).get(0);
    Map<String, Object> cold = new LinkedHashMap<>();
    for (int i = 1; i <= runs; i++) {
      List<String> command = new ArrayList<>(List.of(java()));
      command.addAll(parentFlags);
      command.addAll(
          List.of(
              "-jar",
              jar.toString(),
              "grade",
              student.toString(),
              "--out",
              work.resolve("grade-out-" + i).toString()));
      Measured m = cpu.run(command, work.resolve("log-grade-" + i), () -> {});
      cold.put("run" + i, m);
      System.out.printf(
          Locale.ROOT,
          "cold mlgrade grade #%d: %.2f s wall, %.2f CPU-s, exit %d," + " load %s%n",
          i,
          m.wallSeconds(),
          m.cpuSeconds(),
          m.exitCode(),
          loadAverage());
    }
    return cold;
  }

  /**
   * Cold Gradescope runs as the container makes them: the zip of {@code mlgrade package-gradescope}
   * unzipped into a folder laid out like {@code /autograder}, its {@code setup.sh} run once as
   * Gradescope runs it when it builds the image (here it only makes the two class-data archives: a
   * JDK, bubblewrap and python3 are installed), then {@code run_autograder} once per run on a
   * correct student, each time with a fresh submission and results folder.
   */
  private Map<String, Object> coldGradescope(ClassMix mix, int runs) throws Exception {
    Path zip = work.resolve("autograder.zip");
    Measured packaged =
        cpu.run(
            List.of(java(), "-jar", jar.toString(), "package-gradescope", "--out", zip.toString()),
            work.resolve("log-package"),
            () -> {});
    if (packaged.exitCode() != 0) {
      throw new IllegalStateException("package-gradescope failed: see " + work);
    }
    Path root = work.resolve("autograder");
    Path source = Files.createDirectories(root.resolve("source"));
    unzip(zip, source);
    Measured setup =
        cpu.run(
            List.of("bash", source.resolve("setup.sh").toString()),
            work.resolve("log-setup"),
            () -> {});
    Map<String, Object> cold = new LinkedHashMap<>();
    cold.put("setup", setup);
    cold.put("grader_archive", Files.exists(source.resolve("mlgrade.jsa")));
    System.out.printf(
        Locale.ROOT,
        "Gradescope setup.sh (archives only here): %.1f s wall, exit %d," + " grader archive %s%n",
        setup.wallSeconds(),
        setup.exitCode(),
        Files.exists(source.resolve("mlgrade.jsa")) ? "made" : "NOT made");
    Path student = mix.first(1).get(0);
    for (int i = 1; i <= runs; i++) {
      deleteTree(root.resolve("submission"));
      deleteTree(root.resolve("results"));
      copyTree(student, root.resolve("submission"));
      Measured m =
          cpu.run(
              List.of(
                  "env",
                  "MLGRADE_AUTOGRADER_ROOT=" + root,
                  "bash",
                  source.resolve("run_autograder").toString()),
              work.resolve("log-gradescope-" + i),
              () -> {});
      JsonNode results = JSON.readTree(root.resolve("results/results.json").toFile());
      cold.put("run" + i, m);
      System.out.printf(
          Locale.ROOT,
          "cold Gradescope run_autograder #%d: %.2f s wall, %.2f CPU-s,"
              + " score %s, exit %d, load %s%n",
          i,
          m.wallSeconds(),
          m.cpuSeconds(),
          results.path("score").asText(),
          m.exitCode(),
          loadAverage());
    }
    return cold;
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String java() {
    return javaHomeBin("java");
  }

  private static String javaHomeBin(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  private static List<String> javaFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static int peakHeapMb(Path gcLog, int group) throws IOException {
    if (!Files.exists(gcLog)) {
      return -1;
    }
    int peak = 0;
    Matcher m = HEAP.matcher(Files.readString(gcLog));
    while (m.find()) {
      peak = Math.max(peak, Integer.parseInt(m.group(group)));
    }
    return peak;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Completion times of students, read from a growing journal. */
  private static final class JournalWatch {
    private final Path file;
    private final List<Long> done = new ArrayList<>();
    private final Set<String> seen = new TreeSet<>();

    JournalWatch(Path file) {
      this.file = file;
    }

    void poll() {
      if (!Files.exists(file)) {
        return;
      }
      long now = System.nanoTime();
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.contains("\"student\"")) {
            continue;
          }
          JsonNode node = JSON.readTree(line);
          if ("student".equals(node.path("type").asText()) && seen.add(node.path("id").asText())) {
            done.add(now);
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // A line being written: read it at the next poll.
      }
    }

    /** Seconds between consecutive completions, the first from the start of the process. */
    List<Double> gaps(long start) {
      List<Double> gaps = new ArrayList<>();
      long previous = start;
      for (long t : done) {
        gaps.add((t - previous) / 1e9);
        previous = t;
      }
      return gaps;
    }
  }
}
