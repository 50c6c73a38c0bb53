package org.mlgrade.grader.judge;

import java.util.List;
import org.mlgrade.grader.submission.CompileMessage;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.grader.submission.StaticFinding;

/**
 * What loading and compiling a submission found, as reporters show it: a copy of the {@link
 * CompiledSubmission}'s findings without its classes directory, which is deleted once the
 * submission is graded.
 *
 * @param sources every source file found, relative to the submission root
 * @param excluded source files left out because they do not compile
 * @param messages compiler errors and warnings
 * @param findings static-check findings
 * @param problems problems with the submission as a whole (no sources, unreadable zip, a symlink
 *     skipped, ...), for the student
 */
public record CompileSummary(
    List<String> sources,
    List<String> excluded,
    List<Message> messages,
    List<Finding> findings,
    List<String> problems) {

  public CompileSummary {
    sources = List.copyOf(sources);
    excluded = List.copyOf(excluded);
    messages = List.copyOf(messages);
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  /** The summary of {@code compiled}. */
  public static CompileSummary of(CompiledSubmission compiled) {
    return new CompileSummary(
        compiled.sources(),
        compiled.excluded(),
        compiled.messages().stream().map(Message::of).toList(),
        compiled.findings().stream().map(Finding::of).toList(),
        compiled.problems());
  }

  /**
   * A compiler error or warning about a student's source.
   *
   * @param file the source file's path relative to the submission root
   * @param line 1-based line, or 0 when the message is not about a line
   * @param error true for an error, false for a warning
   * @param message the compiler's message
   */
  public record Message(String file, long line, boolean error, String message) {

    static Message of(CompileMessage message) {
      return new Message(message.file(), message.line(), message.error(), message.message());
    }

    /** {@code file:line: error: message}, as the compiler prints it. */
    @Override
    public String toString() {
      return file
          + (line > 0 ? ":" + line : "")
          + ": "
          + (error ? "error: " : "warning: ")
          + message;
    }
  }

  /**
   * A place in a student's source that breaks one of the rubric's static-check rules.
   *
   * @param rule the rule's id, e.g. {@code "no-network"}
   * @param file the source file's path relative to the submission root
   * @param line 1-based line
   * @param message what was found, for the student
   */
  public record Finding(String rule, String file, long line, String message) {

    static Finding of(StaticFinding finding) {
      return new Finding(finding.rule(), finding.file(), finding.line(), finding.message());
    }
  }
}
