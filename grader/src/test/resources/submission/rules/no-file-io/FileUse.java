import java.io.*;
import java.nio.file.Path;

class FileUse {
  // new File("out.txt") would touch the disk
  static final String HINT = "java.nio.file.Files.readString";

  void write() throws IOException {
    try (PrintWriter w = new PrintWriter("out.txt")) { /*FLAG*/
      w.println("x");
    }
    new File("x").delete(); /*FLAG*/
  }

  Path path() { /*FLAG*/
    return Path.of("x"); /*FLAG*/
  }

  String read() throws IOException {
    return java.nio.file.Files.readString(null); /*FLAG*/
  }

  void console(PrintStream out) {
    out.println("fine"); // a PrintStream on a stream is not file access
    new PrintWriter(new StringWriter()).flush();
  }
}
