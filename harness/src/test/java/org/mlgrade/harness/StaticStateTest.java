package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StaticStateTest {

  static final class Constants {
    static final int SIZE = 3;
    static final double RATE = Math.sqrt(2);
    static final String NAME = "n" + SIZE;
    static final Long BOXED = 7L;
    private int instanceCounter;
  }

  static final class Counter {
    static int calls;
  }

  static final class Table {
    static final double[] WEIGHTS = {1, 2};
  }

  static final class Seeded {
    static final Random RANDOM = new Random(1);
  }

  enum Plain { A, B }

  enum Settable {
    A;
    int value;
  }

  enum WithBody {
    A {
      int count;
    }
  }

  static final class UsesPlain {
    static final Plain DEFAULT = Plain.A;
  }

  static final class UsesSettable {
    static final Settable DEFAULT = Settable.A;
  }

  static final class Asserts {
    void check(int x) {
      assert x > 0;
    }
  }

  @Test
  void constantsOfImmutableTypesCarryNoState() {
    assertThat(StaticState.none(List.of(Constants.class, Plain.class, UsesPlain.class,
        Asserts.class))).isTrue();
  }

  @Test
  void aNonFinalStaticFieldCanCarryState() {
    assertThat(StaticState.none(List.of(Constants.class, Counter.class))).isFalse();
  }

  @Test
  void aFinalReferenceToAMutableObjectCanCarryState() {
    assertThat(StaticState.none(List.of(Table.class))).isFalse();
    assertThat(StaticState.none(List.of(Seeded.class))).isFalse();
  }

  @Test
  void anEnumWithAMutableFieldCanCarryState() {
    assertThat(StaticState.none(List.of(Settable.class))).isFalse();
    assertThat(StaticState.none(List.of(UsesSettable.class))).isFalse();
    assertThat(StaticState.none(List.of(WithBody.class, WithBody.A.getClass()))).isFalse();
  }

  @Test
  void noClassesCarryNoState() {
    assertThat(StaticState.none(List.of())).isTrue();
  }
}
