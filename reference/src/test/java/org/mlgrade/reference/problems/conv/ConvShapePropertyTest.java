package org.mlgrade.reference.problems.conv;

import org.mlgrade.api.Shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerKind;

/**
 * Property: the floor formula of the reference equals a direct count of the window positions
 * {@code start = 0, s, 2s, ...} with {@code start + k <= H + 2p}, for many random sizes; and a
 * window that fits nowhere is an {@link IllegalArgumentException}.
 */
class ConvShapePropertyTest {

  private static final ConvReference REFERENCE = new ConvReference();

  /** The independent oracle: slide the window and count. */
  private static int slidingWindowCount(int size, int kernel, int stride, int padding) {
    int count = 0;
    for (int start = -padding; start + kernel <= size + padding; start += stride) {
      count++;
    }
    return count;
  }

  @Test
  void formulaEqualsSlidingWindowCountForRandomSizes() {
    SplittableRandom random = new SplittableRandom(20261122L);
    int checked = 0;
    int thrown = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      int height = random.nextInt(1, 60);
      int width = random.nextInt(1, 60);
      int kernel = random.nextInt(1, 12);
      int stride = random.nextInt(1, 8);
      int padding = random.nextInt(0, 5);
      int depth = random.nextInt(1, 9);
      LayerKind kind = LayerKind.values()[random.nextInt(3)];
      if (kind != LayerKind.CONV) {
        padding = Math.min(padding, kernel / 2);
      }
      Layer layer = new Layer(kind, kernel, stride, padding, kind == LayerKind.CONV ? 7 : 0);
      Chain chain = new Chain(new Shape(height, width, depth), List.of(layer));
      int rows = slidingWindowCount(height, kernel, stride, padding);
      int columns = slidingWindowCount(width, kernel, stride, padding);
      if (rows == 0 || columns == 0) {
        assertThatThrownBy(() -> REFERENCE.outputShapes(chain))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        thrown++;
        continue;
      }
      int outDepth = kind == LayerKind.CONV ? 7 : depth;
      assertThat(REFERENCE.outputShapes(chain).outputs())
          .as("%s on %dx%dx%d", layer, height, width, depth)
          .containsExactly(new Shape(rows, columns, outDepth));
      checked++;
    }
    assertThat(checked).isGreaterThan(15_000);
    assertThat(thrown).isPositive();
  }

  @Test
  void multiplicationsEqualOutputsTimesWindowForRandomConvolutions() {
    SplittableRandom random = new SplittableRandom(7L);
    for (int trial = 0; trial < 2_000; trial++) {
      int side = random.nextInt(3, 40);
      int depth = random.nextInt(1, 17);
      int kernel = random.nextInt(1, 4);
      Layer conv = Layer.conv(random.nextInt(1, 33), kernel, random.nextInt(1, 4),
          random.nextInt(0, 3));
      Chain chain = new Chain(new Shape(side, side, depth), List.of(conv));
      int out = slidingWindowCount(side, kernel, conv.stride(), conv.padding());
      long expected = (long) out * out * conv.filters() * kernel * kernel * depth;
      assertThat(REFERENCE.costs(chain).multiplications()).isEqualTo(expected);
      assertThat(REFERENCE.costs(chain).parameters() - REFERENCE.costs(chain).weights())
          .isEqualTo(conv.filters());
    }
  }
}
