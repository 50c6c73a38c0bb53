/**
 * Runs student code in a separate, limited and (where the OS allows) isolated JVM, and reports
 * what each call returned, threw or printed.
 *
 * <p>{@link org.mlgrade.grader.sandbox.ProcessSandbox} is the implementation: one child JVM per
 * submission, restarted after a call that kills or hangs it. Protocol: the grader writes the calls
 * and a random per-child token into a request file in the child's private working directory; the
 * harness ({@code org.mlgrade.harness.Harness}) reads and deletes it before any student code
 * runs, then writes {@code START k}, {@code RESULT k}, {@code FLOOD k} and {@code DONE} lines,
 * each marked with the token and carrying base64 JSON, on its standard output. Everything else on
 * that stream, and all of standard error, is the running call's stray output, kept up to the
 * output limit. Time limits, floods and exits are decided by the grader, from outside.
 *
 * <p>Residual risks, knowingly accepted:
 *
 * <ul>
 *   <li>Student code shares the harness's JVM, so by reflection it can read the token from the
 *       harness's memory and forge a report for the running call. The grader accepts a report
 *       only for the call announced last, and a report claims nothing more than "the code
 *       returned this", which the code could have returned anyway; judging happens in the grader.
 *   <li>A student thread writing straight to file descriptor 1 while the harness writes a long
 *       report can interleave with it (pipe writes are atomic only up to 4 KiB); the report is
 *       then dropped and the call times out. Only the student who does it is hurt.
 *   <li>Standard error is a separate pipe: its last bytes for a call may be attributed to the
 *       next call.
 *   <li>Without bubblewrap ({@code UNPRIVILEGED_USER}) the child, as uid 65534, can read every
 *       world-readable host file, the grader's jar included: make the grader's files unreadable
 *       to others ({@code chmod o=}) where that level is used. Run directories have unguessable
 *       names under a directory that cannot be listed, but children of one grader share a uid.
 *       At {@code PROCESS_ONLY} the child runs as the grader's user and only the class loader
 *       keeps the reference away; a double-forked process can outlive the kill.
 * </ul>
 */
package org.mlgrade.grader.sandbox;
