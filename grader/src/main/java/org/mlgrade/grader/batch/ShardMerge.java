package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mlgrade.grader.batch.JournalLine.Header;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

/**
 * Combines the journals of several batch output folders (the shards of one class) into one
 * class: the same rubric in every folder, each student in exactly one.
 *
 * @param header the rubric the class was graded by
 * @param rows every student of every folder, sorted by id
 * @param warnings what the instructor should know (a shard missing), in words
 */
public record ShardMerge(Header header, List<StudentEntry> rows, List<String> warnings) {

  public ShardMerge {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads the journal of each folder in {@code folders} and merges them.
   *
   * @throws IllegalArgumentException when a folder holds no batch journal or no run, the
   *     folders were graded with different rubrics, or a student is in two of them
   * @throws IOException when a journal cannot be read
   */
  public static ShardMerge of(List<Path> folders) throws IOException {
    if (folders.isEmpty()) {
      throw new IllegalArgumentException("name at least one batch output folder to merge");
    }
    Header header = null;
    Path headerFolder = null;
    Map<String, Path> owner = new HashMap<>();
    List<StudentEntry> rows = new ArrayList<>();
    Map<Integer, TreeSet<Integer>> shards = new TreeMap<>();
    for (Path folder : folders) {
      Path file = folder.resolve(Journal.FILE);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(folder + " holds no " + Journal.FILE
            + ": not the --out folder of an mlgrade batch");
      }
      Journal.Contents contents = Journal.read(file);
      Header own = contents.header().orElseThrow(() ->
          new IllegalArgumentException(file + " has no header: that batch never started"));
      JournalLine.Run run = contents.lastRun().orElseThrow(() ->
          new IllegalArgumentException(file + " records no run of the batch"));
      if (header == null) {
        header = own;
        headerFolder = folder;
      } else if (!header.rubricSha256().equals(own.rubricSha256())) {
        throw new IllegalArgumentException(folder + " was graded with another rubric ("
            + own.rubric() + ") than " + headerFolder + " (" + header.rubric()
            + "); merge only the shards of one batch");
      }
      for (StudentEntry row : ClassOutputs.rows(contents)) {
        Path other = owner.putIfAbsent(row.id(), folder);
        if (other != null) {
          throw new IllegalArgumentException("student " + row.id() + " is in both " + other
              + " and " + folder + "; merge each shard once");
        }
        rows.add(row);
      }
      Shard shard = Shard.parse(run.shard());
      shards.computeIfAbsent(shard.count(), n -> new TreeSet<>()).add(shard.index());
    }
    rows.sort((a, b) -> a.id().compareTo(b.id()));
    List<String> warnings = new ArrayList<>();
    shards.forEach((count, indices) -> {
      for (int i = 1; i <= count; i++) {
        if (!indices.contains(i)) {
          warnings.add("shard " + i + "/" + count + " is not among the merged folders: its "
              + "students are missing from the merged gradebook");
        }
      }
    });
    if (shards.size() > 1) {
      warnings.add("the folders were sharded in different ways (" + shards.keySet()
          + " shards): check that no student is missing");
    }
    return new ShardMerge(header, rows, warnings);
  }
}
