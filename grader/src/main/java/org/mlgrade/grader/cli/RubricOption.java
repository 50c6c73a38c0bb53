package org.mlgrade.grader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.sandbox.ChildAccess;
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

  /**
   * {@code others} and the rubric file (none for the bundled rubric): the secrets student code must
   * not reach.
   */
  List<ChildAccess.Secret> secretsWith(ChildAccess.Secret... others) {
    List<ChildAccess.Secret> secrets = new ArrayList<>(List.of(others));
    if (file != null) {
      secrets.add(new ChildAccess.Secret(file, "the rubric"));
    }
    return secrets;
  }
}
