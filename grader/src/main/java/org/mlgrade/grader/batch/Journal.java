package org.mlgrade.grader.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mlgrade.grader.batch.JournalLine.Header;
import org.mlgrade.grader.batch.JournalLine.Run;
import org.mlgrade.grader.batch.JournalLine.Started;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

/**
 * The append-only record of a batch, {@code journal.jsonl} in the output folder: one JSON object
 * per line, a header first (the rubric's hash and questions), then a line per run, per student
 * started and per finished student. Each line is written whole with one write and forced to the
 * disk ({@link FileChannel#force}) before {@link #append} returns, so a student counts as done only
 * once its line is durable.
 *
 * <p>A process killed in the middle of a write leaves a last line without its newline: reading
 * ignores it and {@link #open} cuts it off before appending. Any other line that is not a journal
 * line is an error, never skipped.
 */
public final class Journal implements AutoCloseable {

  /** The journal's file name in the output folder. */
  public static final String FILE = "journal.jsonl";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final FileChannel channel;
  private final Contents contents;

  private Journal(FileChannel channel, Contents contents) {
    this.channel = channel;
    this.contents = contents;
  }

  /**
   * What a journal file holds.
   *
   * @param header the header, empty when the file is empty (or its first line was torn)
   * @param runs the runs, in order
   * @param students the last entry of each student, in the order of first appearance
   * @param diedWhileGrading for each student started and not finished before a later run (or the
   *     end of the file), how many times that happened: how often the grader's process died while
   *     grading them
   * @param validBytes the length of the file's complete lines
   * @param tornBytes the length of the torn last line that was ignored (0 when none)
   */
  public record Contents(
      Optional<Header> header,
      List<Run> runs,
      Map<String, StudentEntry> students,
      Map<String, Integer> diedWhileGrading,
      long validBytes,
      long tornBytes) {

    static final Contents EMPTY =
        new Contents(Optional.empty(), List.of(), Map.of(), Map.of(), 0, 0);

    public Contents {
      runs = List.copyOf(runs);
      students = Collections.unmodifiableMap(new LinkedHashMap<>(students));
      diedWhileGrading = Map.copyOf(diedWhileGrading);
    }

    /** How many times the grader's process died while grading {@code id}. */
    public int diedWhileGrading(String id) {
      return diedWhileGrading.getOrDefault(id, 0);
    }

    /** The students graded: done, not to be graded again. */
    public Set<String> done() {
      Set<String> done = new TreeSet<>();
      students.values().stream().filter(StudentEntry::graded).forEach(e -> done.add(e.id()));
      return done;
    }

    /** The last run, whose students are the gradebook's rows. */
    public Optional<Run> lastRun() {
      return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }
  }

  /** The journal was started with another rubric. */
  public static final class RubricChanged extends Exception {
    private static final long serialVersionUID = 1L;

    RubricChanged(String message) {
      super(message);
    }
  }

  /**
   * Reads the journal {@code file}.
   *
   * @throws IOException when it cannot be read, or a complete line is not a journal line (the
   *     message gives its number)
   */
  public static Contents read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Contents.EMPTY;
    }
    byte[] bytes = Files.readAllBytes(file);
    Header header = null;
    List<Run> runs = new ArrayList<>();
    Map<String, StudentEntry> students = new LinkedHashMap<>();
    Set<String> inFlight = new TreeSet<>();
    Map<String, Integer> died = new TreeMap<>();
    int start = 0;
    int lineNumber = 0;
    for (int end = 0; end < bytes.length; end++) {
      if (bytes[end] != '\n') {
        continue;
      }
      lineNumber++;
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      start = end + 1;
      if (text.isBlank()) {
        continue;
      }
      JournalLine line;
      try {
        line = JSON.readValue(text, JournalLine.class);
      } catch (JsonProcessingException e) {
        throw new IOException(
            file
                + ":"
                + lineNumber
                + ": not a journal line ("
                + e.getOriginalMessage()
                + "); fix or remove it, or start over with --regrade",
            e);
      }
      if (header == null && !(line instanceof Header)) {
        throw new IOException(file + ":" + lineNumber + ": a journal starts with its header");
      }
      if (line instanceof Header h) {
        if (header != null) {
          throw new IOException(file + ":" + lineNumber + ": a second header");
        }
        if (h.version() != Header.VERSION) {
          throw new IOException(
              file
                  + ": journal version "
                  + h.version()
                  + ", this mlgrade "
                  + "reads version "
                  + Header.VERSION
                  + "; start over with --regrade");
        }
        header = h;
      } else if (line instanceof Run run) {
        // A new run: whoever the previous one started and did not finish, it died grading.
        inFlight.forEach(id -> died.merge(id, 1, Integer::sum));
        inFlight.clear();
        runs.add(run);
      } else if (line instanceof Started started) {
        inFlight.add(started.id());
      } else if (line instanceof StudentEntry entry) {
        inFlight.remove(entry.id());
        students.remove(entry.id());
        students.put(entry.id(), entry);
      }
    }
    inFlight.forEach(id -> died.merge(id, 1, Integer::sum));
    return new Contents(
        Optional.ofNullable(header), runs, students, died, start, bytes.length - start);
  }

  /**
   * Opens the journal in {@code directory} (created if needed) to append to it, writing {@code
   * header} when the journal is new. {@code regrade} deletes the old journal first.
   *
   * @throws RubricChanged when the journal was started with a rubric of another hash
   * @throws IOException when it cannot be read or written
   */
  public static Journal open(Path directory, Header header, boolean regrade)
      throws IOException, RubricChanged {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE);
    if (regrade) {
      Files.deleteIfExists(file);
    }
    Contents contents = read(file);
    if (contents.header().isPresent()
        && !contents.header().get().rubricSha256().equals(header.rubricSha256())) {
      Header old = contents.header().get();
      throw new RubricChanged(
          file
              + " was started with another rubric ("
              + old.rubric()
              + ", sha256 "
              + abbreviate(old.rubricSha256())
              + "); this run's rubric is "
              + header.rubric()
              + ", sha256 "
              + abbreviate(header.rubricSha256())
              + ". Add --regrade to grade everyone again with the new rubric, or choose another "
              + "--out folder.");
    }
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      channel.truncate(contents.validBytes());
      channel.position(contents.validBytes());
      Journal journal = new Journal(channel, contents);
      if (contents.header().isEmpty()) {
        journal.append(header);
        Durable.forceDirectory(directory);
      }
      return journal;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** What the journal held when it was opened. */
  public Contents contents() {
    return contents;
  }

  /**
   * Appends {@code line} and forces it to the disk before returning.
   *
   * @throws IOException when it cannot be written (a full disk); the line then does not count
   */
  public synchronized void append(JournalLine line) throws IOException {
    byte[] json = JSON.writeValueAsBytes(line);
    ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    long before = channel.position();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      // Leave no partial line behind for the next append to run into.
      try {
        channel.truncate(before);
        channel.position(before);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }
}
