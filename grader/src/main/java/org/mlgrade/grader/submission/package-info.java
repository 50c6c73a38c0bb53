/**
 * Finds a submission's Java sources, checks them statically and compiles them: {@link
 * org.mlgrade.grader.submission.SubmissionCompiler} turns a folder or zip into a {@link
 * org.mlgrade.grader.submission.CompiledSubmission}, leaving out files that do not compile and
 * reporting uses of the APIs a rubric forbids ({@link org.mlgrade.grader.submission.StaticRule}).
 */
package org.mlgrade.grader.submission;
