package org.mlgrade.grader.batch;

import java.nio.file.Path;
import org.mlgrade.grader.judge.Result;

/**
 * What the batch asks of a grader: a {@link Result} for one submission. {@code Grader::grade}
 * is one; an exception means the grader itself failed, not the student.
 */
@FunctionalInterface
public interface SubmissionGrader {

  /** Grades the submission at {@code submission}; safe to call from several threads at once. */
  Result grade(Path submission);
}
