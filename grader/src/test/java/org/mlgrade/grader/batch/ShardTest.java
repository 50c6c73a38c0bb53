package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static final List<String> IDS =
      IntStream.range(0, 1000).mapToObj(i -> "student-" + i).toList();

  @Test
  void everyStudentIsInExactlyOneShardForEveryCount() {
    for (int count = 1; count <= 7; count++) {
      for (String id : IDS) {
        int in = 0;
        for (int index = 1; index <= count; index++) {
          if (new Shard(index, count).contains(id)) {
            in++;
          }
        }
        assertThat(in).as("%s with %d shards", id, count).isEqualTo(1);
      }
    }
  }

  @Test
  void shardsAreRoughlyEvenOverManyIds() {
    // 1000 ids over 4 shards: 250 expected each; SHA-256 is uniform enough that +-60 holds
    // (a binomial standard deviation is ~14). The ids are fixed, so this is deterministic.
    for (int index = 1; index <= 4; index++) {
      Shard shard = new Shard(index, 4);
      long size = IDS.stream().filter(shard::contains).count();
      assertThat(size).as("shard %s", shard).isBetween(190L, 310L);
    }
  }

  @Test
  void theShardOfAnIdIsTheSha256PrefixModuloTheCount() {
    // Computed independently with Python:
    //   int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big") % n + 1
    assertThat(Shard.indexOf("alice", 4)).isEqualTo(4);
    assertThat(Shard.indexOf("bob", 4)).isEqualTo(3);
    assertThat(Shard.indexOf("submission_123456", 7)).isEqualTo(3);
    assertThat(Shard.indexOf("Zoë", 3)).isEqualTo(3);
  }

  @Test
  void theShardOfAnIdDoesNotDependOnTheOtherIds() {
    List<String> before = IDS.stream().filter(new Shard(2, 3)::contains).toList();
    List<String> more = new ArrayList<>(IDS);
    more.add("late-student");
    assertThat(more.stream().filter(new Shard(2, 3)::contains).filter(IDS::contains).toList())
        .isEqualTo(before);
  }

  @Test
  void parsesIOverNAndRefusesTheRest() {
    assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
    assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
    assertThat(Shard.parse("3/4")).hasToString("3/4");
    for (String bad : List.of("0/4", "5/4", "1", "a/b", "1/0", "1/2/3", "")) {
      assertThatThrownBy(() -> Shard.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("I/N");
    }
  }
}
