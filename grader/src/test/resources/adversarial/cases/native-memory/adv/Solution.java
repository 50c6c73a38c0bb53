package adv;

import java.lang.reflect.Field;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/**
 * Takes 1.5 GiB of native memory outside the heap with Unsafe.allocateMemory (touched, so it is
 * resident), which -Xmx does not bound; then answers right. Contained means stopped first.
 */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    try {
      Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      field.setAccessible(true);
      Object unsafe = field.get(null);
      java.lang.reflect.Method allocate = unsafe.getClass().getMethod("allocateMemory",
          long.class);
      java.lang.reflect.Method set = unsafe.getClass().getMethod("setMemory", long.class,
          long.class, byte.class);
      long chunk = 64L << 20;
      for (int i = 0; i < 24; i++) {
        long address = (long) allocate.invoke(unsafe, chunk);
        set.invoke(unsafe, address, chunk, (byte) 1);
        Thread.sleep(10);
      }
      System.out.println("held 1.5 GiB of native memory");
    } catch (ReflectiveOperationException e) {
      System.out.println("Unsafe refused: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ConvMath.shapes(chain);
  }

  @Override
  public ChainCost costs(Chain chain) {
    return ConvMath.costs(chain);
  }

  @Override
  public ConvChoice findConv(LayerSearch search) {
    throw new UnsupportedOperationException("not graded here");
  }
}
