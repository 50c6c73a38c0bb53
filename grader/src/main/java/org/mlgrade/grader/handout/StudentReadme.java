package org.mlgrade.grader.handout;

import java.math.BigDecimal;
import java.util.List;
import org.mlgrade.grader.check.VisibleTests;
import org.mlgrade.grader.check.VisibleTests.QuestionData;

/** The handout's README.md: what is in it, how to compile, self-check and read the output. */
final class StudentReadme {

  private StudentReadme() {}

  static String text(VisibleTests tests, List<Class<?>> apis) {
    StringBuilder text = new StringBuilder();
    text.append("# ").append(tests.assignment()).append("\n\n");
    text.append("""
        Implement the interfaces below in Java 17. The assignment text is the API's Javadoc:
        open `doc/index.html` (or attach `lib/mlgrade-api-sources.jar` in your IDE).

        | interface | your class (a skeleton to fill in) |
        | --- | --- |
        """);
    for (Class<?> api : apis) {
      text.append("| `").append(api.getName()).append("` | `src/").append(Skeletons.path(api))
          .append("` |\n");
    }
    text.append("""

        Each skeleton is a public class with a public no-argument constructor whose methods throw
        `UnsupportedOperationException("not implemented yet")`: replace those bodies. Keep the
        class public with a public no-argument constructor: the grader finds your class by the
        interface it implements (one class per interface, any name, any package), creates it
        with that constructor and calls its methods. You may add classes of your own. Use only
        the JDK and the API.

        ## Compile

        With the JDK (17 or newer) alone, from this folder:

            javac -d classes -cp lib/mlgrade-api.jar src/hw/*.java

        (On Windows: `javac -d classes -cp lib\\mlgrade-api.jar src\\hw\\*.java`.) In an IDE,
        open `pom.xml` as a Maven project.

        ## Self-check

            java -jar mlgrade-check.jar check src

        It compiles your sources the way the grader does, runs the **visible** tests in the same
        sandbox as grading (the strongest isolation your machine offers) and prints:

        - a table: per question, your points on its visible tests and how many passed; a
          question whose interface you have not implemented yet says `not implemented`, and the
          list below the table names the class to create;
        - each failed test: its input, where your answer differs (`expected ..., got ...`) and,
          when your answer is one a known mistake gives, the mistake's name and explanation (the
          same words as your grade report);
        - how many hidden tests there are and how many points they carry. The self-check cannot
          run them: passing every visible test does not mean full marks.

        It also writes the same feedback PDF as grading, `mlgrade-check/feedback.pdf` in the
        folder you run it from (the last line of the output says where; `--out DIR` writes it
        elsewhere): your points per question, then each failed visible test with its input,
        the expected and returned values and the known mistake. The hidden tests appear there
        only as a note of how many there are and their points.

        A visible test scores exactly what grading will give it. An all-or-nothing question is
        scored over its visible tests here; grading also needs its hidden tests to pass.

        ## What is graded

        """);
    text.append("| question | title | points | visible tests | hidden tests (points) |\n");
    text.append("| --- | --- | --- | --- | --- |\n");
    for (QuestionData question : tests.questions()) {
      text.append("| ").append(question.id()).append(" | ").append(question.title())
          .append(" | ").append(points(question.points())).append(" | ")
          .append(question.tests().size()).append(" | ").append(question.otherTests())
          .append(" (").append(points(question.otherPoints())).append(") |\n");
    }
    text.append("\nFloating-point answers pass when `|yours - expected| <= abs + rel * "
        + "|expected|` with the question's tolerances (in `visible-tests.json`); counts, shapes "
        + "and booleans must be exact.\n");
    return text.toString();
  }

  private static String points(double points) {
    return BigDecimal.valueOf(Math.round(points * 1e6) / 1e6).stripTrailingZeros()
        .toPlainString();
  }
}
