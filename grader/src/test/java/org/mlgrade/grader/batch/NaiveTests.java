package org.mlgrade.grader.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.harness.Wire;

/**
 * The naive autograder of the benchmark, as instructors write it: one JUnit 5 class per
 * problem family with each test's input and expected answer as string literals, computed here
 * from the rubric's reference answers, and a small helper that calls the student's class by its
 * known name and compares the JSON of the answer within a relative tolerance of 1e-6.
 */
final class NaiveTests {

  private static final Pattern IMPLEMENTS = Pattern.compile(
      "package\\s+([\\w.]+);.*?public\\s+class\\s+(\\w+)\\s+implements\\s+(\\w+)",
      Pattern.DOTALL);

  private NaiveTests() {}

  /** Writes the test sources under {@code dir} (package {@code naive}) and returns it. */
  static Path generate(Rubric rubric, Samples samples, Path dir) throws IOException {
    Map<String, String> classOf = implementations(samples.root().resolve("correct/src"));
    Path pkg = Files.createDirectories(dir.resolve("naive"));
    Files.writeString(pkg.resolve("NaiveCheck.java"), CHECK);
    Map<String, StringBuilder> classes = new LinkedHashMap<>();
    int i = 0;
    for (GradingPlan.PlannedTest test : GradingPlan.of(rubric).tests()) {
      String iface = test.call().solverInterface();
      String simple = iface.substring(iface.lastIndexOf('.') + 1);
      String student = classOf.get(simple);
      if (student == null) {
        throw new IllegalStateException("no sample class implements " + iface);
      }
      String family = test.question().problem().id().replaceAll("[.-].*", "");
      StringBuilder body = classes.computeIfAbsent(family, f -> new StringBuilder());
      body.append(String.format(Locale.ROOT,
          "  @Test void t%d() throws Exception {%n    NaiveCheck.check(\"%s\", \"%s\",%n"
              + "        %s,%n        %s);%n  }%n%n", i++, student, test.call().method(),
          literal(test.call().inputJson()),
          literal(Wire.MAPPER.writeValueAsString(test.expected()))));
    }
    for (Map.Entry<String, StringBuilder> entry : classes.entrySet()) {
      String name = Character.toUpperCase(entry.getKey().charAt(0)) + entry.getKey().substring(1)
          .replaceAll("[^A-Za-z0-9]", "") + "Test";
      Files.writeString(pkg.resolve(name + ".java"), "package naive;\n\n"
          + "import org.junit.jupiter.api.Test;\n\nclass " + name + " {\n\n" + entry.getValue()
          + "}\n");
    }
    return dir;
  }

  /** The JUnit console launcher jar, from this JVM's class path (the bench profile adds it). */
  static Path consoleLauncher() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("junit-platform-console-standalone")) {
        return Path.of(entry);
      }
    }
    throw new IllegalStateException("junit-platform-console-standalone is not on the class path:"
        + " run through grader/bench/batch.sh");
  }

  private static Map<String, String> implementations(Path src) throws IOException {
    Map<String, String> classOf = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = IMPLEMENTS.matcher(Files.readString(file));
        if (m.find()) {
          classOf.put(m.group(3), m.group(1) + "." + m.group(2));
        }
      }
    }
    return classOf;
  }

  private static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static final String CHECK = String.join("\n", List.of(
      "package naive;",
      "",
      "import com.fasterxml.jackson.databind.JsonNode;",
      "import java.lang.reflect.Method;",
      "import java.util.Iterator;",
      "import org.junit.jupiter.api.Assertions;",
      "import org.mlgrade.harness.Wire;",
      "",
      "final class NaiveCheck {",
      "  static void check(String className, String methodName, String input, String expected)",
      "      throws Exception {",
      "    Class<?> type = Class.forName(className);",
      "    Method method = null;",
      "    for (Method m : type.getMethods()) {",
      "      if (m.getName().equals(methodName) && m.getParameterCount() == 1) {",
      "        method = m;",
      "      }",
      "    }",
      "    Object argument = Wire.MAPPER.readValue(input, Wire.MAPPER.getTypeFactory()",
      "        .constructType(method.getGenericParameterTypes()[0]));",
      "    Object answer = method.invoke(type.getConstructor().newInstance(), argument);",
      "    JsonNode got = Wire.MAPPER.valueToTree(answer);",
      "    JsonNode want = Wire.MAPPER.readTree(expected);",
      "    Assertions.assertTrue(same(want, got), \"expected \" + want + \" but got \" + got);",
      "  }",
      "",
      "  private static boolean same(JsonNode a, JsonNode b) {",
      "    if (a.isNumber() && b.isNumber()) {",
      "      double x = a.asDouble();",
      "      double y = b.asDouble();",
      "      return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x));",
      "    }",
      "    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size()",
      "        && a.isArray() == b.isArray()) {",
      "      if (a.isArray()) {",
      "        for (int i = 0; i < a.size(); i++) {",
      "          if (!same(a.get(i), b.get(i))) {",
      "            return false;",
      "          }",
      "        }",
      "        return true;",
      "      }",
      "      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {",
      "        String f = it.next();",
      "        if (!b.has(f) || !same(a.get(f), b.get(f))) {",
      "          return false;",
      "        }",
      "      }",
      "      return true;",
      "    }",
      "    return a.equals(b);",
      "  }",
      "}",
      ""));
}
