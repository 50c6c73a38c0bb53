package org.mlgrade.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged API jar, the one that goes into the students' handout and onto the
 * sandbox's classpath: it holds only {@code org.mlgrade.api} classes, and every one of them loads
 * and resolves its signatures with nothing but the JDK beside it.
 */
class ApiJarIT {

  private static Path apiJar() {
    Path jar = Path.of(System.getProperty("mlgrade.apiJar", "target/missing-api.jar"));
    assertThat(jar).as("the api jar is built in the package phase").exists();
    return jar;
  }

  private static List<String> classNames(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.getName().endsWith(".class")) {
          names.add(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
        }
      }
    }
    return names;
  }

  @Test
  void holdsOnlyApiClasses() throws IOException {
    List<String> names = classNames(apiJar());
    assertThat(names).isNotEmpty().allMatch(name -> name.startsWith("org.mlgrade.api."),
        "is in org.mlgrade.api");
    assertThat(names).noneMatch(name -> name.contains(".reference."));
  }

  @Test
  void loadsWithoutReferenceClasses() throws Exception {
    Path jar = apiJar();
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, platform)) {
      for (String name : classNames(jar)) {
        Class<?> type = Class.forName(name, true, loader);
        for (Method method : type.getDeclaredMethods()) {
          assertThat(method.getReturnType()).isNotNull();
        }
        type.getDeclaredFields();
        type.getDeclaredConstructors();
      }
    }
    assertThat(Files.size(jar)).isPositive();
  }

  @Test
  void sourcesJarHoldsTheApiSourcesAndNoReferenceSource() throws IOException {
    Path jar = Path.of(System.getProperty("mlgrade.apiSourcesJar", "target/missing.jar"));
    assertThat(jar).as("the api-sources jar is built in the package phase").exists();
    List<String> sources = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
          sources.add(entry.getName());
        }
      }
    }
    assertThat(sources).isNotEmpty().allMatch(name -> name.startsWith("org/mlgrade/api/")
        && name.endsWith(".java"), "an API source file");
    List<String> classes = classNames(apiJar());
    assertThat(sources).hasSize(classes.stream().filter(name -> !name.contains("$")).toList()
        .size());
  }
}
