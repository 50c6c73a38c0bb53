/**
 * Runs student code in a separate, limited and (where the OS allows) isolated JVM, and reports what
 * each call returned, threw or printed.
 *
 * <p>{@link org.mlgrade.grader.sandbox.ProcessSandbox} is the implementation: one child JVM per
 * submission, restarted after a call that kills or hangs it. Protocol: the grader writes the calls
 * and a random per-child token into a request file in the child's private working directory (new
 * for every child: under bubblewrap a tmpfs of 64 MiB into which bwrap copies the request from its
 * standard input, so the child cannot fill the host's disk; otherwise a host directory the grader
 * creates and writes with {@code O_EXCL} before handing it to the child's uid, so a link or FIFO
 * planted by an earlier child is never followed); the harness ({@code org.mlgrade.harness.Harness})
 * reads and deletes it before any student code runs, then writes {@code READY k} once, and {@code
 * RESULT k}, {@code FLOOD k} and {@code DONE} lines, each marked with the token and carrying base64
 * JSON, on its standard output. Everything else on that stream, and all of standard error, is the
 * running call's stray output, kept up to the output limit. Time limits, floods, oversized answers
 * and exits are decided by the grader, from outside, by its own clock: a call runs from the line
 * before its report to its report. The harness loads the student's classes in a new class loader
 * for every call, so static fields do not carry state from one test to the next. A stopped child is
 * waited for until every process it was seen to start has gone.
 *
 * <p>Isolation is the grader's guarantee, not the operator's: below bubblewrap, hidden tests are
 * graded only when permission bits hide the grader's code, the rubric, the submissions and the
 * output from the child's uid ({@link org.mlgrade.grader.sandbox.SandboxOptions#refusal}); a
 * start-up canary proves the level; each running submission has a uid of its own, whose processes
 * and files in the shared temporary folders are removed after every child; a cgroup per child where
 * one can be made ({@code ChildCgroup}), else a watchdog, bounds memory; trees are deleted without
 * following links.
 *
 * <p>Residual risks, which no user-space process can prevent (or that only a stronger level
 * removes):
 *
 * <ul>
 *   <li>Student code shares the harness's JVM, so by reflection it can read the token from the
 *       harness's memory and forge a report for the running call. The grader accepts a report only
 *       for the call announced last, and a report claims nothing more than "the code returned
 *       this", which the code could have returned anyway; judging happens in the grader.
 *   <li>A student thread writing straight to file descriptor 1 while the harness writes a long
 *       report can interleave with it (pipe writes are atomic only up to 4 KiB); the report is then
 *       dropped and the call times out. Only the student who does it is hurt.
 *   <li>Standard error is a separate pipe: its last bytes for a call may be attributed to the next
 *       call.
 *   <li>Within one child, calls share what is not a class of the student: files in the working
 *       directory and {@code /tmp}, system properties, threads left running. A student can make its
 *       own results depend on the order of the calls that way, deliberately, and hurt only itself.
 *   <li>The grader's clock charges each call with the CPU time of the child JVM only: processes the
 *       student starts are bounded by the wall-clock backstop (3 × the per-test limit + 2 s) and
 *       {@code prlimit --cpu}, not by the per-test limit. A child that holds its reports back moves
 *       time from a call to the one before it, never out of the count: every moment from the ready
 *       line to the last report is charged to some call.
 *   <li>Without namespaces ({@code UNPRIVILEGED_USER}) the process table is shared, and UDP is open
 *       where no seccomp filter can be installed. Where the kernel offers no Landlock (or no {@code
 *       python3} is installed), TCP is open too and every world-readable host file is readable,
 *       including a copy of mlgrade the grader does not know of (an instructor's checkout; the
 *       static check {@code no-class-loading} flags loading it), and the shared {@code /tmp} and
 *       {@code /dev/shm} can be filled while the child runs ({@code RLIMIT_FSIZE} bounds each file,
 *       not their number); what is left is deleted after the child.
 *   <li>At {@code PROCESS_ONLY} the child is the grader's own user, without {@code prlimit}:
 *       without Landlock nothing is hidden from it and, without a cgroup, a double-forked process
 *       can outlive the kill (a cgroup is emptied after the child). It is refused for hidden tests.
 *   <li>Below bubblewrap, on x86-64, a seccomp filter (with Landlock) refuses IP sockets and the
 *       calls an attack needs (ptrace, bpf, mount, namespaces, keyrings, cross-process memory);
 *       under bubblewrap no filter is installed. Every other system call reaches the kernel, and a
 *       kernel bug is the boundary.
 *   <li>Where no cgroup can be made (a read-only cgroup file system, as in Docker), the memory
 *       watchdog samples every 100 ms: an allocation faster than that can briefly pass its limit,
 *       and memory held in {@code /dev/shm} files is not resident memory of the child.
 * </ul>
 */
package org.mlgrade.grader.sandbox;
