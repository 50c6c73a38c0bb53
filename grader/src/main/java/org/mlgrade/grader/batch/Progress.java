package org.mlgrade.grader.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

/**
 * What a batch says while it runs. {@link #live} redraws one line on a terminal (done/total,
 * rate, ETA); {@link #lines} prints one line per finished student, for logs and pipes;
 * {@link #quiet} prints neither. Warnings (a student not graded, a PDF not written) go to the
 * error stream in every mode. Safe to call from the batch's workers.
 */
public final class Progress {

  /** The live line's width: wrapped on an 80-column terminal, \r would not redraw it. */
  private static final int WIDTH = 79;

  private enum Mode { QUIET, LINES, LIVE }

  private final Mode mode;
  private final PrintWriter out;
  private final PrintWriter err;
  private int total;
  private int done;
  private long start;
  private int drawn;

  private Progress(Mode mode, PrintWriter out, PrintWriter err) {
    this.mode = mode;
    this.out = out;
    this.err = err;
  }

  /** No progress, warnings only. */
  public static Progress quiet(PrintWriter err) {
    return new Progress(Mode.QUIET, err, err);
  }

  /** One plain line per finished student on {@code out}. */
  public static Progress lines(PrintWriter out, PrintWriter err) {
    return new Progress(Mode.LINES, out, err);
  }

  /** One line on a terminal, redrawn with a carriage return. */
  public static Progress live(PrintWriter out, PrintWriter err) {
    return new Progress(Mode.LIVE, out, err);
  }

  /** The batch starts grading {@code total} students. */
  public synchronized void start(int total) {
    this.total = total;
    this.done = 0;
    this.start = System.nanoTime();
    if (mode == Mode.LIVE && total > 0) {
      draw("starting");
    }
  }

  /** A student finished, graded or not. */
  public synchronized void finished(StudentEntry entry) {
    done++;
    String what = entry.id() + ": " + (entry.graded()
        ? Gradebook.points(entry.total()) + " points, " + entry.status() : entry.status());
    switch (mode) {
      case LINES -> {
        out.printf(Locale.ROOT, "[%d/%d] %s%n", done, total, what);
        out.flush();
      }
      case LIVE -> draw(what);
      case QUIET -> { }
    }
  }

  /** Something the instructor must see, whatever the mode. */
  public synchronized void warn(String message) {
    clearLine();
    err.println(message);
    err.flush();
    if (mode == Mode.LIVE && done < total) {
      draw("");
    }
  }

  /** The batch is over. */
  public synchronized void end() {
    if (mode == Mode.LIVE && drawn > 0) {
      out.println();
      out.flush();
      drawn = 0;
    }
  }

  private void draw(String last) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 ? clock(Duration.ofSeconds(Math.round((total - done) / rate))) : "?";
    String line = String.format(Locale.ROOT, "%d/%d graded · %.2f submissions/s · ETA %s · %s",
        done, total, rate, eta, last);
    if (line.length() > WIDTH) {
      line = line.substring(0, WIDTH - 1) + "…";
    }
    out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    out.flush();
    drawn = line.length();
  }

  private void clearLine() {
    if (mode == Mode.LIVE && drawn > 0) {
      out.print("\r" + " ".repeat(drawn) + "\r");
      out.flush();
      drawn = 0;
    }
  }

  private static String clock(Duration duration) {
    long s = duration.getSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
