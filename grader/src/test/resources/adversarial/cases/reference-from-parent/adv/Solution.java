package adv;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/**
 * Solves nothing: finds the grader's class path in {@code /proc/<parent>/cmdline} (world-readable
 * on Linux), follows jar manifests' Class-Path, opens what it finds with {@code ZipFile} and a
 * {@code URLClassLoader}, and hands the call to the reference solution. Without the reference it
 * answers wrong, so a pass on the shapes tests means the attack worked.
 */
public class Solution implements ConvArithmetic {

  private static final String REFERENCE =
      "org.mlgrade.reference.problems.conv.ConvReference";

  @Override
  public ChainShapes outputShapes(Chain chain) {
    Set<Path> found = new LinkedHashSet<>();
    long pid = ProcessHandle.current().pid();
    for (int up = 0; up < 1; up++) {
      pid = parentOf(pid);
      if (pid <= 1) {
        break;
      }
      for (Path path : pathsIn(pid)) {
        collect(path, found);
      }
    }
    List<URL> urls = new ArrayList<>();
    for (Path path : found) {
      try {
        if (!path.toString().endsWith(".jar")) {
          if (Files.isDirectory(path) && Files.isReadable(path)) {
            urls.add(path.toUri().toURL());
          } else {
            System.out.println("denied " + path + ": not a readable directory");
          }
        } else {
          try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.getEntry(REFERENCE.replace('.', '/') + ".class") != null) {
              System.out.println("opened " + path + " with ZipFile: it holds the reference");
            }
          }
          urls.add(path.toUri().toURL());
        }
      } catch (IOException | RuntimeException e) {
        System.out.println("denied " + path + ": " + e.getClass().getSimpleName());
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        Solution.class.getClassLoader())) {
      Object reference = loader.loadClass(REFERENCE).getConstructor().newInstance();
      Method method = reference.getClass().getMethod("outputShapes", Chain.class);
      ChainShapes answer = (ChainShapes) method.invoke(reference, chain);
      System.out.println("LEAK called the reference through " + urls.size() + " paths");
      return answer;
    } catch (ReflectiveOperationException | IOException | LinkageError | RuntimeException e) {
      System.out.println("reference not loadable from " + found.size() + " paths: " + e);
      return ConvMath.shapesOff(chain, 1000);
    }
  }

  @Override
  public ChainCost costs(Chain chain) {
    return ConvMath.costs(chain);
  }

  @Override
  public ConvChoice findConv(LayerSearch search) {
    throw new UnsupportedOperationException("not graded here");
  }

  private static long parentOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("PPid:")) {
          return Long.parseLong(line.substring(5).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("no status of " + pid + ": " + e.getClass().getSimpleName());
    }
    return -1;
  }

  /** Every absolute path in a process's command line, class-path lists split. */
  private static List<Path> pathsIn(long pid) {
    List<Path> paths = new ArrayList<>();
    try {
      String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")),
          StandardCharsets.UTF_8);
      for (String arg : cmdline.split("\0")) {
        for (String part : arg.split("[:=]")) {
          if (part.startsWith("/") && (part.endsWith(".jar") || part.endsWith("classes")
              || part.endsWith("classes/"))) {
            paths.add(Path.of(part));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("no cmdline of " + pid + ": " + e.getClass().getSimpleName());
    }
    return paths;
  }

  /** The path, and for a jar the entries of its manifest's Class-Path (Surefire's booter). */
  private static void collect(Path path, Set<Path> found) {
    if (!found.add(path) || !path.toString().endsWith(".jar")) {
      return;
    }
    try (ZipFile zip = new ZipFile(path.toFile())) {
      ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
      if (entry == null) {
        return;
      }
      Manifest manifest = new Manifest(zip.getInputStream(entry));
      String classPath = manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        return;
      }
      for (String item : classPath.trim().split("\\s+")) {
        try {
          Path next = item.startsWith("file:") ? Path.of(new URL(item).toURI())
              : path.getParent().resolve(item);
          found.add(next.normalize());
        } catch (Exception e) {
          // not a path
        }
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("denied " + path + ": " + e.getClass().getSimpleName());
    }
  }
}
