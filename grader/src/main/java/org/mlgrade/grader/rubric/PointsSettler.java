package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.format;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives each test of a question its points: under per_test either every test names its points and
 * they sum to the question's, or none does and the question's points are split evenly; otherwise
 * each test weighs 1.
 */
final class PointsSettler {

  private final ErrorLog log;

  PointsSettler(ErrorLog log) {
    this.log = log;
  }

  /** The tests with their points, or null (and errors) when the points do not add up. */
  List<TestCase> settle(
      List<DraftTest> drafts,
      JsonPointer questionAt,
      String questionWhere,
      Scoring scoring,
      double points) {
    List<TestCase> tests = new ArrayList<>();
    if (scoring.pointsPerTest()) {
      long given = drafts.stream().filter(d -> d.points() != null).count();
      if (given == 0) {
        for (DraftTest d : drafts) {
          tests.add(new TestCase(d.name(), d.input(), d.visibility(), points / drafts.size()));
        }
        return tests;
      }
      if (given < drafts.size()) {
        Set<JsonPointer> reported = new LinkedHashSet<>();
        for (DraftTest d : drafts) {
          if (d.points() == null && reported.add(d.at())) {
            log.error(
                d.at(),
                "test '"
                    + d.name()
                    + "' of "
                    + questionWhere
                    + " has no points,"
                    + " but other tests of the question do: give every test points (points_each for"
                    + " generated tests), or none to split the question's points evenly");
          }
        }
        return null;
      }
      double sum = drafts.stream().mapToDouble(DraftTest::points).sum();
      if (!same(sum, points)) {
        log.error(
            questionAt.appendProperty("points"),
            "the tests of "
                + questionWhere
                + " are worth "
                + format(sum)
                + " points in all, but the question has "
                + format(points));
        return null;
      }
      for (DraftTest d : drafts) {
        tests.add(new TestCase(d.name(), d.input(), d.visibility(), d.points()));
      }
      return tests;
    }
    for (DraftTest d : drafts) {
      tests.add(new TestCase(d.name(), d.input(), d.visibility(), 1));
    }
    return tests;
  }

  /** Whether two sums of points are equal but for rounding. */
  static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }
}
