package org.mlgrade.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

/**
 * Whether the student's classes can carry state from one call to the next through static
 * fields: the condition on which one class loader serves several calls.
 *
 * <p>It answers "none" only when every static field the student declared is a constant that no
 * code can change: {@code final} and of a primitive, boxed or {@code String} type, or of an enum
 * whose instance fields (and those of its constants' bodies) are all final and of such types. Fields the compiler adds ({@code
 * $assertionsDisabled}, an enum's {@code $VALUES}, switch maps) are not written by student code.
 * A {@code static final int[]}, a {@code static final Random} or any non-final static field
 * makes it answer "maybe", and the harness loads the classes afresh for every call.
 */
final class StaticState {

  private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class,
      Byte.class, Short.class, Character.class, Integer.class, Long.class, Float.class,
      Double.class);

  private StaticState() {}

  /** True when no static field of {@code classes} can hold state that changes. */
  static boolean none(List<Class<?>> classes) {
    try {
      for (Class<?> type : classes) {
        Class<?> parent = type.getSuperclass();
        if (parent != null && parent.isEnum() && !immutableEnum(type)) {
          return false;
        }
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) && !constant(field)) {
            return false;
          }
        }
      }
      return true;
    } catch (LinkageError | SecurityException e) {
      return false;
    }
  }

  private static boolean constant(Field field) {
    if (field.isSynthetic()) {
      return true;
    }
    if (!Modifier.isFinal(field.getModifiers())) {
      return false;
    }
    if (immutable(field.getType())) {
      return true;
    }
    return field.getType().isEnum() && immutableEnum(field.getType());
  }

  private static boolean immutable(Class<?> type) {
    return type.isPrimitive() || IMMUTABLE.contains(type);
  }

  /** An enum (or an enum constant's body) with only final instance fields of immutable types. */
  private static boolean immutableEnum(Class<?> type) {
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (!Modifier.isStatic(modifiers) && !field.isSynthetic()
          && !(Modifier.isFinal(modifiers) && immutable(field.getType()))) {
        return false;
      }
    }
    return true;
  }
}
