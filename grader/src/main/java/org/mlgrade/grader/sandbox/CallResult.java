package org.mlgrade.grader.sandbox;

/**
 * What the sandbox saw of one call. Only the value is the student's answer; it is judged in the
 * trusted grader, never in the child.
 *
 * @param key the call's key
 * @param status how the call ended
 * @param outputJson the returned value in the wire format, or {@code null} unless {@link
 *     CallStatus#RETURNED}
 * @param message for the student: the exception with a trimmed stack trace, the limit that was
 *     hit, the classes that clash, ...; empty when there is nothing to say
 * @param elapsedNanos wall time of the call, measured by the grader (the child reports none)
 * @param stdout what the call printed on standard output, capped
 * @param stderr what the call printed on standard error, capped
 */
public record CallResult(
    String key,
    CallStatus status,
    String outputJson,
    String message,
    long elapsedNanos,
    String stdout,
    String stderr) {}
