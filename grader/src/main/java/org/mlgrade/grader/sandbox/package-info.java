/**
 * Runs student code in a separate, limited and (where the OS allows) isolated JVM, and reports
 * what each call returned, threw or printed.
 *
 * <p>{@link org.mlgrade.grader.sandbox.ProcessSandbox} is the implementation: one child JVM per
 * submission, restarted after a call that kills or hangs it. Protocol: the grader writes the calls
 * and a random per-child token into a request file in the child's private working directory (new
 * for every child: under bubblewrap a tmpfs of 64 MiB into which bwrap copies the request from
 * its standard input, so the child cannot fill the host's disk; otherwise a host directory the
 * grader creates and writes with {@code O_EXCL} before handing it to the child's uid, so a link
 * or FIFO planted by an earlier child is never followed); the harness ({@code org.mlgrade.harness.Harness}) reads and deletes it before any student code
 * runs, then writes {@code READY k} once, and {@code RESULT k}, {@code FLOOD k} and {@code DONE}
 * lines, each marked with the token and carrying base64 JSON, on its standard output. Everything
 * else on that stream, and all of standard error, is the running call's stray output, kept up to
 * the output limit. Time limits, floods, oversized answers and exits are decided by the grader,
 * from outside, by its own clock: a call runs from the line before its report to its report. The
 * harness loads the student's classes in a new class loader for every call, so static fields do
 * not carry state from one test to the next. A stopped child is waited for until every process
 * it was seen to start has gone.
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
 *   <li>Below bubblewrap the working directory is on the host's disk: {@code prlimit --fsize}
 *       bounds each file (64 MiB), not their number, so a child can fill the disk for as long as
 *       its time limit lets it.
 *   <li>Within one child, calls share what is not a class of the student: files in the working
 *       directory and {@code /tmp}, system properties, threads left running. A student can make
 *       its own results depend on the order of the calls that way, deliberately, and hurt only
 *       itself.
 *   <li>{@code prlimit --nproc} counts every process and thread of uid 65534 on the machine, so
 *       a process or thread bomb briefly takes that budget from children of other submissions
 *       graded at the same time.
 *   <li>The grader's clock charges each call with the CPU time of the child JVM only: processes
 *       the student starts are bounded by the wall-clock backstop (3 × the per-test limit + 2 s)
 *       and {@code prlimit --cpu}, not by the per-test limit. A child that holds its reports back
 *       moves time from a call to the one before it, never out of the count: every moment from
 *       the ready line to the last report is charged to some call.
 *   <li>Native memory outside the heap (JNI-free {@code Unsafe.allocateMemory}) is bounded by
 *       nothing but the host ({@code -Xmx} bounds the heap and direct buffers; there is no
 *       cgroup and {@code --as} breaks the JVM).
 * </ul>
 */
package org.mlgrade.grader.sandbox;
