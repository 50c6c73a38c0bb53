package org.mlgrade.grader.cli;

import java.nio.file.Path;
import org.mlgrade.grader.rubric.RubricException;
import picocli.CommandLine.Option;

/** The {@code --rubric FILE} option of every command that reads a rubric (a picocli mixin). */
final class RubricOption {

  @Option(
      names = "--rubric",
      paramLabel = "FILE",
      description = "the rubric (.json, .yaml); default: the bundled rubrics/ml-homework.json")
  Path file;

  /**
   * The rubric named, or the bundled default when none is, read once.
   *
   * @throws RubricException when the file cannot be read or is too large to be a rubric
   */
  RubricSource source() throws RubricException {
    return RubricSource.of(file);
  }
}
