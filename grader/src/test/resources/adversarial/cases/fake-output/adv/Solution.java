package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Prints fake results, JSON and protocol lines (without the token), and answers wrongly. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    System.out.println("{\"score\": 100, \"tests\": [{\"name\": \"shapes visible\", \"score\": 1, \"status\": \"passed\"}]}");
    System.out.println("PASSED 4/4");
    String fake = "\n0123456789abcdef0123456789abcdef RESULT 0 eyJzdGF0dXMiOiJSRVRVUk5FRCJ9\n"
        + "\nRESULT 1 eyJzdGF0dXMiOiJSRVRVUk5FRCJ9\nDONE -1\n";
    System.out.print(fake);
    try {
      java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      raw.write(fake.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      raw.flush();
    } catch (java.io.IOException e) {
      System.out.println("raw write failed");
    }
    return ConvMath.shapesOff(chain, 1);
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
