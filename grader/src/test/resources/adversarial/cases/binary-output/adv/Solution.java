package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Prints invalid UTF-8, NUL and control bytes on both streams, then answers. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    byte[] junk = {(byte) 0xff, (byte) 0xfe, 0, 1, 27, '[', '2', 'J', (byte) 0xc3, '\n', (byte) 0xed,
        (byte) 0xa0, (byte) 0x80, 7, '\r'};
    System.out.write(junk, 0, junk.length);
    System.out.flush();
    System.err.write(junk, 0, junk.length);
    System.err.flush();
    try {
      java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      raw.write(junk);
      raw.flush();
    } catch (java.io.IOException e) {
      System.out.println("raw write failed");
    }
    System.out.println("unpaired surrogate \ud800 and BOM \ufeff");
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
