package org.mlgrade.grader.handout;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A skeleton class for a student-facing interface: public, a public no-argument constructor
 * (the implicit one), every abstract method throwing {@code UnsupportedOperationException("not
 * implemented yet")}, in package {@code hw}, compilable with {@code javac} and the API jar alone.
 */
public final class Skeletons {

  /** The package of the skeletons. */
  public static final String PACKAGE = "hw";

  private Skeletons() {}

  /** The skeleton's class name for {@code api}, e.g. {@code ConvArithmeticSolution}. */
  public static String className(Class<?> api) {
    return api.getSimpleName() + "Solution";
  }

  /** The skeleton's source file, relative to the source root. */
  public static String path(Class<?> api) {
    return PACKAGE + "/" + className(api) + ".java";
  }

  /** The skeleton's source for {@code api}, an interface. */
  public static String source(Class<?> api) {
    if (!api.isInterface()) {
      throw new IllegalArgumentException(api + " is not an interface");
    }
    List<Method> methods = Arrays.stream(api.getMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()))
        .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString))
        .toList();
    StringBuilder text = new StringBuilder();
    text.append("package ").append(PACKAGE).append(";\n\n");
    text.append("/**\n * Your implementation of {@link ").append(api.getName())
        .append("}. The grader finds\n * it by the interface it implements; keep the class "
            + "public and its constructor\n * without arguments.\n */\n");
    text.append("public class ").append(className(api)).append(" implements ")
        .append(api.getName()).append(" {\n");
    for (Method method : methods) {
      text.append("\n  @Override\n  public ").append(type(method.getGenericReturnType()))
          .append(' ').append(method.getName()).append('(')
          .append(Arrays.stream(method.getParameters()).map(Skeletons::parameter)
              .collect(Collectors.joining(", ")))
          .append(") {\n    throw new UnsupportedOperationException(\"not implemented yet\");\n"
              + "  }\n");
    }
    return text.append("}\n").toString();
  }

  private static String parameter(Parameter parameter) {
    String name = parameter.isNamePresent() ? parameter.getName()
        : decapitalise(parameter.getType().getSimpleName().replace("[]", "s"));
    return type(parameter.getParameterizedType()) + " " + name;
  }

  private static String decapitalise(String name) {
    return name.isEmpty() ? "value" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String type(Type type) {
    return type.getTypeName().replace('$', '.').replaceAll("\\bjava\\.lang\\.", "");
  }
}
