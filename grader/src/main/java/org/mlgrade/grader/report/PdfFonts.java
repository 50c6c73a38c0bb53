package org.mlgrade.grader.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of mlgrade's PDFs: DejaVu Sans (regular and bold) and DejaVu Sans Mono, read from the
 * classpath (the {@code net.sf.jasperreports:jasperreports-fonts} artifact; Bitstream Vera licence)
 * and embedded as subsets, so that Greek letters and maths symbols (σ, η, ∂, ≤, ŷ, ∑, √) render on
 * any reader. No font is ever looked up on the host.
 */
final class PdfFonts {

  /** Where the DejaVu files sit on the classpath. */
  static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";

  /** The font files, read once per JVM (a batch writes hundreds of PDFs). */
  private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

  /**
   * The fonts as parsed, once per thread: parsing the three TrueType files cost more than the rest
   * of a feedback PDF, and a batch writes one per student. A {@link TrueTypeFont} reads its tables
   * lazily and is not safe to share between threads, so each thread (a batch's worker) parses its
   * own.
   */
  private static final ThreadLocal<Map<String, Parsed>> PARSED =
      ThreadLocal.withInitial(HashMap::new);

  /** A parsed font, its character map and the widths measured so far (the same in every PDF). */
  private record Parsed(TrueTypeFont ttf, CmapLookup cmap, Map<Integer, Float> widths) {}

  /**
   * One embedded font, the means to tell which characters it can draw, and their widths (cached:
   * wrapping measures every character many times).
   */
  static final class Face {

    private final PDType0Font font;
    private final CmapLookup cmap;
    private final Map<Integer, Float> widths;

    private Face(PDType0Font font, Parsed parsed) {
      this.font = font;
      this.cmap = parsed.cmap();
      this.widths = parsed.widths();
    }

    PDType0Font font() {
      return font;
    }

    /** The width of {@code text} (already {@link #printable}) at {@code size} points. */
    float width(String text, float size) {
      float units = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        units += units(cp);
        i += Character.charCount(cp);
      }
      return units / 1000f * size;
    }

    /** The width of code point {@code cp} at {@code size} points. */
    float width(int cp, float size) {
      return units(cp) / 1000f * size;
    }

    private float units(int cp) {
      return widths.computeIfAbsent(
          cp,
          c -> {
            try {
              return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
              return 0f;
            }
          });
    }

    /**
     * {@code text} with tabs as spaces and every character the font cannot draw (control characters
     * included) replaced by {@code ?}.
     */
    String printable(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp -> {
                if (cp == '\t') {
                  out.append("  ");
                } else if (cp == '\r' || cp == '\n') {
                  out.append(' ');
                } else if (Character.isISOControl(cp) || !covers(cp)) {
                  out.append('?');
                } else {
                  out.appendCodePoint(cp);
                }
              });
      return out.toString();
    }

    /** Whether the font has a glyph for code point {@code cp}. */
    boolean covers(int cp) {
      return cmap.getGlyphId(cp) != 0;
    }
  }

  final Face regular;
  final Face bold;
  private final PDDocument document;
  private Face mono;

  /**
   * Loads the regular and bold faces into {@code document}; the monospaced one is embedded only
   * when a PDF draws code ({@link #mono}), which a feedback PDF without a failed test does not.
   * Nothing to close: the parsed fonts are the thread's, kept for its next document; they hold no
   * file, only the font files' bytes.
   */
  PdfFonts(PDDocument document) throws IOException {
    this.document = document;
    regular = load(document, "DejaVuSans.ttf");
    bold = load(document, "DejaVuSans-Bold.ttf");
  }

  /** The monospaced face, embedded in the document when first asked for. */
  Face mono() throws IOException {
    if (mono == null) {
      mono = load(document, "DejaVuSansMono.ttf");
    }
    return mono;
  }

  private static Face load(PDDocument document, String file) throws IOException {
    Parsed parsed = PARSED.get().get(file);
    if (parsed == null) {
      byte[] bytes = FILES.get(file);
      if (bytes == null) {
        bytes = read(file);
        FILES.put(file, bytes);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      // No ligatures: PDFBox would draw "fi" as one glyph, and "nb-fit" would extract, search
      // and copy as "nb-ﬁt".
      ttf.setEnableGsub(false);
      parsed = new Parsed(ttf, ttf.getUnicodeCmapLookup(), new HashMap<>());
      PARSED.get().put(file, parsed);
    }
    // The document embeds a subset of the parsed font; it does not close the font, which serves
    // this thread's next document too.
    return new Face(PDType0Font.load(document, parsed.ttf(), true), parsed);
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = PdfFonts.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IOException(
            "font "
                + file
                + " is missing from the classpath ("
                + DIRECTORY
                + "): mlgrade was built without jasperreports-fonts");
      }
      return in.readAllBytes();
    }
  }
}
