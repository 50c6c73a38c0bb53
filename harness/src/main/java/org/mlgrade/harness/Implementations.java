package org.mlgrade.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the student's class that implements an API interface, by scanning the student's classes
 * directory and loading every class without initialising it.
 */
final class Implementations {

  /**
   * The outcome of a search: either {@code type} is set, or {@code status} and {@code message}
   * say why there is no single class to use.
   */
  record Resolution(Class<?> solverInterface, Class<?> type, String status, String message) {}

  private final ClassLoader loader;
  private final Set<String> classNames;
  private final List<String> unloadable = new ArrayList<>();
  private List<Class<?>> loaded;

  /**
   * The classes named {@code classNames}, to be loaded by {@code loader} when first needed.
   *
   * @param classNames binary names, as {@link #list(Path)} gives them
   */
  Implementations(ClassLoader loader, Set<String> classNames) {
    this.loader = loader;
    this.classNames = Collections.unmodifiableSet(classNames);
  }

  /** The binary names of the classes under {@code studentDir}, sorted. */
  static Set<String> list(Path studentDir) {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(studentDir)) {
      walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".class"))
          .map(p -> studentDir.relativize(p).toString().replace('\\', '/'))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the student's classes in " + studentDir, e);
    }
    return names;
  }

  /** The binary names of the student's classes, for trimming stack traces. */
  Set<String> classNames() {
    return classNames;
  }

  /** The one concrete public class assignable to {@code interfaceName}, or why there is none. */
  Resolution resolve(String interfaceName) {
    Class<?> solver;
    try {
      solver = Class.forName(interfaceName, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return new Resolution(null, null, "NO_IMPLEMENTATION",
          "the API interface " + interfaceName + " is not available: " + Failures.headline(e));
    }
    List<String> candidates = new ArrayList<>();
    Class<?> found = null;
    for (Class<?> type : loadAll()) {
      int modifiers = type.getModifiers();
      if (type.isInterface() || Modifier.isAbstract(modifiers) || !Modifier.isPublic(modifiers)
          || !solver.isAssignableFrom(type)) {
        continue;
      }
      candidates.add(type.getName());
      found = type;
    }
    if (candidates.size() == 1) {
      return new Resolution(solver, found, null, null);
    }
    if (candidates.size() > 1) {
      return new Resolution(solver, null, "AMBIGUOUS_IMPLEMENTATION",
          "several classes implement " + solver.getSimpleName() + ": "
              + String.join(", ", candidates) + "; keep exactly one public class that does");
    }
    String message = "no public, non-abstract class implements " + solver.getName();
    if (!unloadable.isEmpty()) {
      message += "; these classes could not be loaded: " + String.join("; ", unloadable);
    }
    return new Resolution(solver, null, "NO_IMPLEMENTATION", message);
  }

  /**
   * True when every student class loaded and none can carry state between calls through a
   * static field ({@link StaticState}): then one loader may serve several calls.
   */
  boolean stateless() {
    return loadAll().size() == classNames.size() && StaticState.none(loaded);
  }

  private List<Class<?>> loadAll() {
    if (loaded == null) {
      loaded = new ArrayList<>();
      for (String name : classNames) {
        try {
          loaded.add(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
          unloadable.add(name + " (" + Failures.headline(e) + ")");
        }
      }
    }
    return loaded;
  }
}
