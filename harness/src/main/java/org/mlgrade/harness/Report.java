package org.mlgrade.harness;

/**
 * What the child says about one call: the payload of a {@code RESULT} or {@code FLOOD} protocol
 * line. The grader treats it as a claim of what the student's code did, never as a verdict. It
 * carries no time: the grader times every call itself, from outside.
 *
 * @param status the name of the grader's {@code CallStatus} the child observed; only statuses
 *     that the child can observe itself ({@code RETURNED}, {@code THREW}, {@code OUT_OF_MEMORY},
 *     {@code STACK_OVERFLOW}, {@code OUTPUT_FLOOD}, {@code NO_IMPLEMENTATION}, {@code
 *     AMBIGUOUS_IMPLEMENTATION}, {@code CANNOT_INSTANTIATE}, {@code ANSWER_TOO_LARGE})
 * @param outputJson the returned value in the {@link Wire} format, or {@code null}
 * @param message the exception, trimmed to the student's frames, or why no class could be used
 * @param stdout what the call printed through {@code System.out}, capped
 * @param stderr what the call printed through {@code System.err}, capped
 */
public record Report(
    String status,
    String outputJson,
    String message,
    String stdout,
    String stderr) {}
