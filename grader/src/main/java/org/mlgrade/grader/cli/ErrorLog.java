package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where an internal error's stack trace goes: a private file ({@code mlgrade-error-*.log}, mode
 * {@code 0600}) in the temporary directory, whose path the one line on stderr names. The user's
 * terminal never gets the trace.
 */
final class ErrorLog {

  private ErrorLog() {}

  /**
   * Writes {@code error} (with the command line and the Java runtime) to a new log file.
   *
   * @return the file
   * @throws IOException when no log can be written
   */
  static Path write(Throwable error, List<String> commandLine) throws IOException {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      out.println("mlgrade internal error at " + Instant.now());
      out.println("command line: mlgrade " + String.join(" ", commandLine));
      out.println("version: " + String.join(" ", new VersionProvider().getVersion()));
      out.println(
          "java: "
              + System.getProperty("java.vm.name")
              + " "
              + System.getProperty("java.runtime.version")
              + " at "
              + System.getProperty("java.home"));
      out.println();
      error.printStackTrace(out);
    }
    Path file = Files.createTempFile("mlgrade-error-", ".log"); // 0600 on POSIX
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** {@code error} in one line: its class and the first line of its message. */
  static String oneLine(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName()
        + (message == null || message.isBlank()
            ? ""
            : ": " + message.strip().lines().findFirst().orElse(""));
  }
}
