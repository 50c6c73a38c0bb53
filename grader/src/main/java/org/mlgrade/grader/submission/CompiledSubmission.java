package org.mlgrade.grader.submission;

import java.nio.file.Path;
import java.util.List;

/**
 * A submission after loading, static checks and compilation.
 *
 * @param classesDir the compiled student classes (only these go to the sandbox with the API)
 * @param sources every source file found, relative to the submission root
 * @param excluded source files left out because they do not compile; the other files were
 *     compiled without them so that the questions that do not need them still grade
 * @param messages compiler errors and warnings
 * @param findings static-check findings
 * @param problems problems with the submission as a whole (no sources, unreadable zip, a symlink
 *     skipped, ...), for the student
 */
public record CompiledSubmission(
    Path classesDir,
    List<String> sources,
    List<String> excluded,
    List<CompileMessage> messages,
    List<StaticFinding> findings,
    List<String> problems) {

  public CompiledSubmission {
    sources = List.copyOf(sources);
    excluded = List.copyOf(excluded);
    messages = List.copyOf(messages);
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }
}
