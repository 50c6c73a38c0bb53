package org.mlgrade.grader.report;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.mlgrade.grader.report.PdfFonts.Face;

/**
 * A top-to-bottom flow of text, tables and drawings on A4 pages: it wraps every line to the page
 * width, starts a new page when the next block does not fit, and numbers the pages. The feedback
 * and summary PDFs say what to write; this class decides where it goes.
 */
final class PdfLayout implements Closeable {

  static final float MARGIN = 50;
  static final float BODY_SIZE = 10;
  static final float CODE_SIZE = 8;
  static final Color TEXT = new Color(0x20, 0x20, 0x20);
  static final Color MUTED = new Color(0x60, 0x60, 0x60);
  static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
  static final Color SHADE = new Color(0xF0, 0xF0, 0xF0);
  static final Color ACCENT = new Color(0x2F, 0x5D, 0x8A);
  static final Color BAD = new Color(0xA3, 0x24, 0x1E);
  static final Color GOOD = new Color(0x2E, 0x6B, 0x30);

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float TOP = PAGE.getHeight() - MARGIN;
  private static final float BOTTOM = MARGIN + 10;
  private static final float LEADING = 1.3f;
  private static final float CELL_PAD = 3;

  private final PDDocument document = new PDDocument();
  private final PdfFonts fonts;
  private final String footer;
  private PDPageContentStream stream;
  private float y;

  /**
   * A new document.
   *
   * @param title the document's title, in its properties
   * @param footer the words at the foot of every page, before the page number
   */
  PdfLayout(String title, String footer) throws IOException {
    this.fonts = new PdfFonts(document);
    this.footer = footer;
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("mlgrade");
    newPage();
  }

  PdfFonts fonts() {
    return fonts;
  }

  /** The width between the margins. */
  float width() {
    return PAGE.getWidth() - 2 * MARGIN;
  }

  /** The document's big title. */
  void title(String text) throws IOException {
    lines(text, fonts.bold, 17, 0, ACCENT);
    space(4);
  }

  /** A section heading, kept on one page with at least a few lines of what follows. */
  void heading(String text) throws IOException {
    space(10);
    ensure(13 * LEADING + 4 * BODY_SIZE * LEADING);
    lines(text, fonts.bold, 13, 0, ACCENT);
    float ruleY = y + 1;
    stream.setStrokingColor(RULE);
    stream.setLineWidth(0.5f);
    stream.moveTo(MARGIN, ruleY);
    stream.lineTo(MARGIN + width(), ruleY);
    stream.stroke();
    space(5);
  }

  /** A smaller heading, kept with two lines of what follows. */
  void subheading(String text, Color color) throws IOException {
    space(6);
    ensure(10.5f * LEADING + 2 * BODY_SIZE * LEADING);
    lines(text, fonts.bold, 10.5f, 0, color);
    space(1);
  }

  /** Body text, wrapped. */
  void paragraph(String text) throws IOException {
    lines(text, fonts.regular, BODY_SIZE, 0, TEXT);
  }

  /** Body text in {@code face} and {@code color}, indented by {@code indent} points, wrapped. */
  void paragraph(String text, Face face, float size, float indent, Color color) throws IOException {
    lines(text, face, size, indent, color);
  }

  /**
   * Monospaced text on a shaded ground (input JSON, printed output), cut into lines at the page
   * width whatever its spaces; at most {@code maxLines} lines, then a note of how much was left
   * out.
   */
  void code(String text, float indent, int maxLines) throws IOException {
    float width = width() - indent - 2 * CELL_PAD;
    List<String> all = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      all.addAll(cut(fonts.mono().printable(line), fonts.mono(), CODE_SIZE, width));
    }
    while (!all.isEmpty() && all.get(all.size() - 1).isBlank()) {
      all.remove(all.size() - 1);
    }
    List<String> shown = all.size() > maxLines ? all.subList(0, maxLines) : all;
    float lineHeight = CODE_SIZE * LEADING;
    for (String line : shown) {
      ensure(lineHeight);
      stream.setNonStrokingColor(SHADE);
      stream.addRect(MARGIN + indent, y - lineHeight, width + 2 * CELL_PAD, lineHeight);
      stream.fill();
      text(fonts.mono(), CODE_SIZE, MARGIN + indent + CELL_PAD, y - CODE_SIZE, line, TEXT);
      y -= lineHeight;
    }
    if (shown.size() < all.size()) {
      lines(
          "… " + (all.size() - shown.size()) + " more lines not shown",
          fonts.regular,
          CODE_SIZE,
          indent,
          MUTED);
    }
    space(2);
  }

  /**
   * A table with a bold header row repeated on each page; {@code widths} are the columns' shares of
   * the width. Cells wrap; a cell too long for a page is cut.
   */
  void table(float indent, float[] widths, List<String> header, List<List<String>> rows, float size)
      throws IOException {
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    float[] columns = new float[widths.length];
    for (int i = 0; i < widths.length; i++) {
      columns[i] = (width() - indent) * widths[i] / total;
    }
    float lineHeight = size * LEADING;
    int maxLines = (int) ((TOP - BOTTOM) / lineHeight) - 6;
    List<List<String>> headerCells = cells(header, columns, fonts.bold, size, maxLines);
    float headerHeight = height(headerCells, lineHeight);
    boolean first = true;
    for (List<String> row : rows) {
      List<List<String>> cells = cells(row, columns, fonts.regular, size, maxLines);
      float height = height(cells, lineHeight);
      if (first || y - height < BOTTOM) {
        ensure(headerHeight + height);
        row(indent, columns, headerCells, fonts.bold, size, headerHeight, true);
        first = false;
      }
      row(indent, columns, cells, fonts.regular, size, height, false);
    }
    space(4);
  }

  /**
   * Room for a drawing of {@code height} points at the cursor (on a new page if need be); the
   * cursor moves below it. Returns the top of the room.
   */
  float reserve(float height) throws IOException {
    ensure(height);
    float top = y;
    y -= height;
    return top;
  }

  /** The current page's content stream, for drawings. */
  PDPageContentStream stream() {
    return stream;
  }

  /** Vertical space. */
  void space(float points) {
    y -= points;
  }

  /** One line of text at a baseline, no wrapping: for labels in drawings. */
  void text(Face face, float size, float x, float baseline, String text, Color color)
      throws IOException {
    stream.beginText();
    stream.setFont(face.font(), size);
    stream.setNonStrokingColor(color);
    stream.newLineAtOffset(x, baseline);
    stream.showText(face.printable(text));
    stream.endText();
  }

  /** Writes the numbered pages to {@code file}. */
  void save(Path file) throws IOException {
    stream.close();
    stream = null;
    int pages = document.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream foot =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        foot.setStrokingColor(RULE);
        foot.setLineWidth(0.5f);
        foot.moveTo(MARGIN, MARGIN - 8);
        foot.lineTo(PAGE.getWidth() - MARGIN, MARGIN - 8);
        foot.stroke();
        String number = "page " + (i + 1) + " of " + pages;
        float numberWidth = fonts.regular.width(number, 8);
        String left =
            fit(fonts.regular.printable(footer), fonts.regular, 8, width() - numberWidth - 20);
        for (String[] part : new String[][] {{left, "0"}, {number, "1"}}) {
          foot.beginText();
          foot.setFont(fonts.regular.font(), 8);
          foot.setNonStrokingColor(MUTED);
          float x = part[1].equals("0") ? MARGIN : PAGE.getWidth() - MARGIN - numberWidth;
          foot.newLineAtOffset(x, MARGIN - 20);
          foot.showText(part[0]);
          foot.endText();
        }
      }
    }
    // Written beside the target and moved into place: a reader never sees half a PDF, and an
    // interrupted run leaves no truncated file under the final name.
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    // (not Files.createTempFile, whose owner-only permissions would differ from results.json's)
    Path partial =
        directory.resolve(
            "."
                + file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + Thread.currentThread().getId()
                + ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        document.save(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (stream != null) {
        stream.close();
      }
    } finally {
      document.close();
    }
  }

  /** {@code text} shortened with an ellipsis to fit {@code width}. */
  static String fit(String text, Face face, float size, float width) {
    if (face.width(text, size) <= width) {
      return text;
    }
    return cut(text, face, size, width - face.width('…', size)).get(0) + "…";
  }

  /** {@code text} wrapped at spaces (long words cut) into lines no wider than {@code width}. */
  static List<String> wrap(String text, Face face, float size, float width) {
    List<String> lines = new ArrayList<>();
    float space = face.width(' ', size);
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      for (String word : face.printable(paragraph).split(" ", -1)) {
        float wordWidth = face.width(word, size);
        float needed = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
        if (needed <= width) {
          if (line.length() > 0) {
            line.append(' ');
          }
          line.append(word);
          lineWidth = needed;
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        List<String> pieces = cut(word, face, size, width);
        for (int i = 0; i < pieces.size() - 1; i++) {
          lines.add(pieces.get(i));
        }
        String last = pieces.get(pieces.size() - 1);
        line.append(last);
        lineWidth = face.width(last, size);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** {@code text} (printable, one line) cut anywhere into pieces no wider than {@code width}. */
  static List<String> cut(String text, Face face, float size, float width) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    float used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      float w = face.width(cp, size);
      if (i > start && used + w > width) {
        pieces.add(text.substring(start, i));
        start = i;
        used = 0;
      }
      used += w;
      i += Character.charCount(cp);
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  private void lines(String text, Face face, float size, float indent, Color color)
      throws IOException {
    float lineHeight = size * LEADING;
    for (String line : wrap(text, face, size, width() - indent)) {
      ensure(lineHeight);
      text(face, size, MARGIN + indent, y - size, line, color);
      y -= lineHeight;
    }
  }

  private List<List<String>> cells(
      List<String> row, float[] columns, Face face, float size, int maxLines) {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      String value = i < row.size() ? row.get(i) : "";
      List<String> lines = wrap(value, face, size, columns[i] - 2 * CELL_PAD);
      if (lines.size() > maxLines) {
        lines = new ArrayList<>(lines.subList(0, maxLines));
        lines.set(maxLines - 1, "… (cut)");
      }
      cells.add(lines);
    }
    return cells;
  }

  private static float height(List<List<String>> cells, float lineHeight) {
    int lines = cells.stream().mapToInt(List::size).max().orElse(1);
    return lines * lineHeight + 2 * CELL_PAD;
  }

  private void row(
      float indent,
      float[] columns,
      List<List<String>> cells,
      Face face,
      float size,
      float height,
      boolean header)
      throws IOException {
    float x = MARGIN + indent;
    if (header) {
      stream.setNonStrokingColor(SHADE);
      stream.addRect(x, y - height, width() - indent, height);
      stream.fill();
    }
    float lineHeight = size * LEADING;
    for (int i = 0; i < columns.length; i++) {
      float baseline = y - CELL_PAD - size;
      for (String line : cells.get(i)) {
        text(face, size, x + CELL_PAD, baseline, line, TEXT);
        baseline -= lineHeight;
      }
      x += columns[i];
    }
    stream.setStrokingColor(RULE);
    stream.setLineWidth(0.4f);
    stream.moveTo(MARGIN + indent, y - height);
    stream.lineTo(MARGIN + width(), y - height);
    stream.stroke();
    y -= height;
  }

  private void ensure(float height) throws IOException {
    if (y - height < BOTTOM && y < TOP) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (stream != null) {
      stream.close();
    }
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    y = TOP;
  }
}
