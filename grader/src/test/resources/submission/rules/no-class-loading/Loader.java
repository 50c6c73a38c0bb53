import java.lang.invoke.MethodHandles;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.zip.ZipFile;

class Loader {
  // new URLClassLoader(...) and ZipFile in a comment are not uses
  static final String HINT = "java.util.jar.JarFile";

  Object reference(Path jar) throws Exception {
    try (ZipFile zip = new ZipFile(jar.toFile())) { /*FLAG*/
      zip.size(); /*FLAG*/
    }
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) { /*FLAG*/
      file.getManifest(); /*FLAG*/
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}); /*FLAG*/
    return loader.loadClass("Reference");
  }

  Class<?> fromBytes(byte[] bytes) throws Exception {
    return MethodHandles.lookup().defineClass(bytes); /*FLAG*/
  }

  static final class Bytes extends ClassLoader {
    Bytes() {
      super(null); /*FLAG*/
    }

    Class<?> make(byte[] b) {
      return defineClass(null, b, 0, b.length); /*FLAG*/
    }
  }
}
