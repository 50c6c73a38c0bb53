package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.batch.JournalLine.Header;
import org.mlgrade.grader.batch.JournalLine.Run;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

class ShardMergeTest {

  @TempDir Path dir;

  private Path shard(String name, Header header, String shard, List<String> roster,
      List<String> graded) throws Exception {
    Path folder = dir.resolve(name);
    try (Journal journal = Journal.open(folder, header, false)) {
      journal.append(new Run(shard, roster));
      for (String id : graded) {
        journal.append(new StudentEntry(id, "", "", true, "graded", 12,
            Map.of("q1", 6.0, "q2", 6.0), Map.of(), List.of(), "BUBBLEWRAP"));
      }
    }
    return folder;
  }

  @Test
  void theShardsRowsAreUnitedAndSortedWithUnfinishedStudentsReported() throws Exception {
    Path one = shard("s1", FakeClass.HEADER, "1/2", List.of("c", "a"), List.of("a", "c"));
    Path two = shard("s2", FakeClass.HEADER, "2/2", List.of("b", "d"), List.of("d"));

    ShardMerge merge = ShardMerge.of(List.of(two, one));

    assertThat(merge.header()).isEqualTo(FakeClass.HEADER);
    assertThat(merge.rows()).extracting(StudentEntry::id).containsExactly("a", "b", "c", "d");
    assertThat(merge.rows().get(1).graded()).isFalse();
    assertThat(merge.rows().get(1).status()).startsWith("not graded: the batch stopped");
    assertThat(merge.warnings()).isEmpty();
  }

  @Test
  void aMissingShardIsAWarning() throws Exception {
    Path one = shard("s1", FakeClass.HEADER, "1/3", List.of("a"), List.of("a"));
    Path three = shard("s3", FakeClass.HEADER, "3/3", List.of("c"), List.of("c"));
    assertThat(ShardMerge.of(List.of(one, three)).warnings())
        .containsExactly("shard 2/3 is not among the merged folders: its students are missing "
            + "from the merged gradebook");
  }

  @Test
  void shardsOfDifferentRubricsAreRefused() throws Exception {
    Path one = shard("s1", FakeClass.HEADER, "1/2", List.of("a"), List.of("a"));
    Path two = shard("s2", FakeClass.header("99"), "2/2", List.of("b"), List.of("b"));
    assertThatThrownBy(() -> ShardMerge.of(List.of(one, two)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another rubric");
  }

  @Test
  void aStudentInTwoFoldersIsRefused() throws Exception {
    Path one = shard("s1", FakeClass.HEADER, "1/1", List.of("a"), List.of("a"));
    Path two = shard("s2", FakeClass.HEADER, "1/1", List.of("a"), List.of("a"));
    assertThatThrownBy(() -> ShardMerge.of(List.of(one, two)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("student a is in both");
  }

  @Test
  void aFolderWithoutAJournalIsRefused() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ShardMerge.of(List.of(empty)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no journal");
  }
}
