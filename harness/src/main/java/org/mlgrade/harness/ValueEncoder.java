package org.mlgrade.harness;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Encodes the value a student's method returned as JSON that {@link Wire}'s Jackson mapper reads
 * back, by the value's run-time class as Jackson does: records as objects of their components (the
 * component names as keys, read through the accessors), numbers ({@code double} as {@link
 * Double#toString}, NaN and the infinities as bare tokens), booleans, strings, enums by {@link
 * Enum#name()}, arrays and any {@link Iterable} (a student's list included) as arrays, and {@code
 * null}. Anything else (a map, a plain object) fails with a message that names its class. Why the
 * child does not use Jackson: see {@link ValueDecoder}.
 *
 * <p>The text goes into a {@link JsonWriter} that gives up past the test's answer bound or past
 * {@link JsonWriter#MAX_DEPTH} levels of nesting, so an endless or self-containing list ends as an
 * {@link JsonWriter.Overflow}, not as a full heap or a stack overflow. An exception thrown by the
 * student's code while it is encoded (a list whose iterator throws) propagates as it is.
 */
public final class ValueEncoder {

  private static final ClassValue<Component[]> RECORDS =
      new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Component[] shape = new Component[components.length];
          for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            accessor.setAccessible(true);
            shape[i] = new Component(components[i].getName(), accessor);
          }
          return shape;
        }
      };

  private final JsonWriter out;

  private ValueEncoder(JsonWriter out) {
    this.out = out;
  }

  /**
   * The JSON of {@code value}, at most {@code maxChars} characters long.
   *
   * @throws JsonWriter.Overflow when the JSON would be longer, or nest deeper than {@link
   *     JsonWriter#MAX_DEPTH}
   * @throws IllegalArgumentException when the value holds something the codec does not encode
   */
  public static String encode(Object value, int maxChars) throws JsonWriter.Overflow {
    JsonWriter out = new JsonWriter(maxChars);
    new ValueEncoder(out).value(value);
    return out.toString();
  }

  private void value(Object value) throws JsonWriter.Overflow {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof Double d) {
      out.number(d);
    } else if (value instanceof double[] a) {
      out.open('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.raw(',');
        }
        out.number(a[i]);
      }
      out.close(']');
    } else if (value instanceof Object[] a) {
      out.open('[');
      for (int i = 0; i < a.length; i++) {
        if (i > 0) {
          out.raw(',');
        }
        value(a[i]);
      }
      out.close(']');
    } else if (value instanceof Record) {
      record(value);
    } else if (value instanceof Integer || value instanceof Long) {
      out.number(((Number) value).longValue());
    } else if (value instanceof String s) {
      out.string(s);
    } else if (value instanceof Boolean b) {
      out.bool(b);
    } else if (value instanceof Enum<?> e) {
      out.string(e.name());
    } else if (value instanceof Iterable<?> iterable) {
      out.open('[');
      boolean first = true;
      for (Object element : iterable) {
        if (!first) {
          out.raw(',');
        }
        first = false;
        value(element);
      }
      out.close(']');
    } else if (value.getClass().isArray()) {
      primitiveArray(value);
    } else {
      scalar(value);
    }
  }

  private void record(Object value) throws JsonWriter.Overflow {
    Component[] components = RECORDS.get(value.getClass());
    out.open('{');
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(components[i].name);
      out.raw(':');
      value(components[i].get(value));
    }
    out.close('}');
  }

  private void primitiveArray(Object value) throws JsonWriter.Overflow {
    out.open('[');
    if (value instanceof int[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(i);
        out.number(a[i]);
      }
    } else if (value instanceof long[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(i);
        out.number(a[i]);
      }
    } else if (value instanceof boolean[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(i);
        out.bool(a[i]);
      }
    } else if (value instanceof float[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(i);
        out.number(a[i]);
      }
    } else if (value instanceof short[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(i);
        out.number(a[i]);
      }
    } else {
      // Jackson writes byte[] as base64 and char[] as a string: no API type has them.
      throw cannotEncode(value);
    }
    out.close(']');
  }

  private void comma(int index) throws JsonWriter.Overflow {
    if (index > 0) {
      out.raw(',');
    }
  }

  private void scalar(Object value) throws JsonWriter.Overflow {
    if (value instanceof Float f) {
      out.number(f);
    } else if (value instanceof Short || value instanceof Byte) {
      out.number(((Number) value).longValue());
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      out.json(value.toString());
    } else if (value instanceof Character c) {
      out.string(c.toString());
    } else {
      throw cannotEncode(value);
    }
  }

  private static IllegalArgumentException cannotEncode(Object value) {
    return new IllegalArgumentException(
        "the returned value holds a "
            + value.getClass().getName()
            + ", which cannot be sent to the grader: an answer is made of the API's records,"
            + " numbers, booleans, strings, enums, arrays and lists");
  }

  /** A record component: its name and its accessor. */
  private record Component(String name, Method accessor) {

    /** The component's value in {@code record}; what an overriding accessor throws propagates. */
    Object get(Object record) {
      try {
        return accessor.invoke(record);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
      }
    }
  }
}
