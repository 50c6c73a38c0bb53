package org.mlgrade.harness;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Decodes one JSON value into a value of a given {@link Type}, as {@link Wire}'s Jackson mapper
 * would for the API's input types: records through their canonical constructor (by component name;
 * an unknown, missing or repeated component fails), {@code int}, {@code long}, {@code double},
 * {@code boolean} and their boxes, strings, enums by {@link Enum#name()}, arrays of any rank,
 * {@code List<T>} (as an {@link ArrayList}), and {@code null} for any reference type. It is as
 * strict as {@link Wire}: {@code 1.5} and {@code 1e2} are not integers, {@code "3"} is not a number
 * and {@code null} is not a primitive. Any other type (a map, a type variable) fails with a message
 * that names it.
 *
 * <p><b>Why not Jackson.</b> This codec ({@link JsonReader}, {@link JsonWriter}, this class and
 * {@link ValueEncoder}) replaces Jackson inside the child JVM only; the grader keeps Jackson. A
 * child that graded the correct sample (184 calls) spent, on average over 20 children on a 2-core
 * machine, 115 ms of its main thread decoding inputs with Jackson's databind, 65 ms encoding
 * answers and 33 ms sending reports, against 21 ms in the student's own code, plus about 110 ms of
 * start-up and 45 ms of warm-up mostly in Jackson: Jackson's deep, general code runs interpreted in
 * a JVM that lives for one student, and most of the 1,265 methods C1 compiled were Jackson's. The
 * child then needed about 0.65 CPU-s of the 0.85-0.95 per correct student (the target is 0.8). This
 * small codec covers what the API's types need and nothing else.
 */
public final class ValueDecoder {

  /** The deepest nesting decoded; the API's inputs nest a handful of levels. */
  static final int MAX_DEPTH = 1_000;

  /** The boxes the API's records use, and their primitives. */
  private static final Map<Class<?>, Class<?>> UNBOXED =
      Map.of(
          Double.class, double.class,
          Integer.class, int.class,
          Long.class, long.class,
          Boolean.class, boolean.class);

  private static final ClassValue<RecordShape> RECORDS =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return RecordShape.of(type);
        }
      };

  private final JsonReader in;

  private ValueDecoder(JsonReader in) {
    this.in = in;
  }

  /**
   * Decodes the {@code length} bytes of UTF-8 JSON of {@code json} from {@code offset}, one value
   * and nothing after it, into a value of {@code type}.
   *
   * @throws IOException when the JSON is malformed, does not fit {@code type} (a compact
   *     constructor threw, too), or {@code type} is not one the codec decodes
   */
  public static Object decode(byte[] json, int offset, int length, Type type) throws IOException {
    JsonReader in = new JsonReader(json, offset, length);
    Object value = new ValueDecoder(in).value(type, 0);
    in.end();
    return value;
  }

  private Object value(Type type, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw in.error("a value nested more than " + MAX_DEPTH + " levels deep");
    }
    if (type instanceof Class<?> c) {
      return ofClass(c, depth);
    }
    if (in.nullLiteral()) {
      return null;
    }
    if (type instanceof ParameterizedType p
        && (p.getRawType() == List.class
            || p.getRawType() == Collection.class
            || p.getRawType() == Iterable.class
            || p.getRawType() == ArrayList.class)) {
      return list(p.getActualTypeArguments()[0], depth);
    }
    if (type instanceof GenericArrayType g) {
      return objectArray(erasure(g.getGenericComponentType()), g.getGenericComponentType(), depth);
    }
    throw unsupported(type);
  }

  private Object ofClass(Class<?> type, int depth) throws IOException {
    if (type.isPrimitive()) {
      notNull(type);
      return scalar(type);
    }
    if (in.nullLiteral()) {
      return null;
    }
    Class<?> unboxed = UNBOXED.get(type);
    if (unboxed != null) {
      return scalar(unboxed);
    }
    if (type == String.class) {
      return in.string();
    }
    if (type.isArray()) {
      return array(type, depth);
    }
    if (type.isEnum()) {
      return enumValue(type);
    }
    if (type.isRecord()) {
      return record(RECORDS.get(type), depth);
    }
    throw unsupported(type);
  }

  /** A value of the primitive {@code type}, or of its box (not null). */
  private Object scalar(Class<?> type) throws IOException {
    if (type == double.class) {
      return in.number();
    }
    if (type == int.class) {
      return intValue();
    }
    if (type == long.class) {
      return in.integer();
    }
    if (type == boolean.class) {
      return in.bool();
    }
    throw unsupported(type);
  }

  /** The reader, when the next value is not null: a primitive cannot be null. */
  private JsonReader notNull(Class<?> type) throws IOException {
    if (in.peek() == 'n') {
      throw in.error("null is not a " + type);
    }
    return in;
  }

  private int intValue() throws IOException {
    int start = in.position();
    long value = in.integer();
    if (value != (int) value) {
      throw new IOException(value + " is out of the range of an int at byte " + start);
    }
    return (int) value;
  }

  private Object array(Class<?> type, int depth) throws IOException {
    Class<?> component = type.getComponentType();
    if (component == double.class) {
      double[] values = new double[8];
      int n = 0;
      in.expect('[');
      if (!in.empty(']')) {
        do {
          if (n == values.length) {
            values = Arrays.copyOf(values, 2 * n);
          }
          values[n++] = notNull(double.class).number();
        } while (in.more(']'));
      }
      return n == values.length ? values : Arrays.copyOf(values, n);
    }
    if (component == int.class) {
      int[] values = new int[8];
      int n = 0;
      in.expect('[');
      if (!in.empty(']')) {
        do {
          if (n == values.length) {
            values = Arrays.copyOf(values, 2 * n);
          }
          notNull(int.class);
          values[n++] = intValue();
        } while (in.more(']'));
      }
      return n == values.length ? values : Arrays.copyOf(values, n);
    }
    if (component.isPrimitive()) {
      List<Object> values = elements(component, depth);
      Object array = Array.newInstance(component, values.size());
      for (int i = 0; i < values.size(); i++) {
        Array.set(array, i, values.get(i));
      }
      return array;
    }
    return objectArray(component, component, depth);
  }

  private Object objectArray(Class<?> component, Type elementType, int depth) throws IOException {
    List<Object> values = elements(elementType, depth);
    return values.toArray((Object[]) Array.newInstance(component, values.size()));
  }

  private List<Object> list(Type elementType, int depth) throws IOException {
    if (elementType instanceof WildcardType w && w.getLowerBounds().length == 0) {
      elementType = w.getUpperBounds()[0];
    }
    return elements(elementType, depth);
  }

  private ArrayList<Object> elements(Type elementType, int depth) throws IOException {
    ArrayList<Object> values = new ArrayList<>();
    in.expect('[');
    if (!in.empty(']')) {
      do {
        values.add(value(elementType, depth + 1));
      } while (in.more(']'));
    }
    return values;
  }

  private Object enumValue(Class<?> type) throws IOException {
    int start = in.position();
    String name = in.string();
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IOException(
        "\""
            + name
            + "\" at byte "
            + start
            + " is not one of "
            + Arrays.toString(type.getEnumConstants())
            + " ("
            + type.getName()
            + ")");
  }

  private Object record(RecordShape shape, int depth) throws IOException {
    Object[] arguments = new Object[shape.names.length];
    boolean[] seen = new boolean[shape.names.length];
    int count = 0;
    in.expect('{');
    if (!in.empty('}')) {
      do {
        int start = in.position();
        String name = in.name();
        int index = shape.indexOf(name, count);
        if (index < 0) {
          throw new IOException(
              "unknown property \"" + name + "\" of " + shape.type.getName() + " at byte " + start);
        }
        if (seen[index]) {
          throw new IOException(
              "property \"" + name + "\" of " + shape.type.getName() + " given twice");
        }
        arguments[index] = value(shape.types[index], depth + 1);
        seen[index] = true;
        count++;
      } while (in.more('}'));
    }
    if (count < seen.length) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < seen.length; i++) {
        if (!seen[i]) {
          missing.add(shape.names[i]);
        }
      }
      throw new IOException("missing properties " + missing + " of " + shape.type.getName());
    }
    try {
      return shape.constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(
          "cannot construct " + shape.type.getName() + ": " + cause.getMessage(), cause);
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot construct " + shape.type.getName() + ": " + e, e);
    }
  }

  private static Class<?> erasure(Type type) throws IOException {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType g) {
      return erasure(g.getGenericComponentType()).arrayType();
    }
    throw unsupported(type);
  }

  private static IOException unsupported(Type type) {
    return new IOException(
        "cannot decode a "
            + type.getTypeName()
            + ": the child decodes records, int, long, double, boolean, their boxes, String,"
            + " enums, arrays and List<T> only");
  }

  /** What decoding a record needs: its components' names and types, its canonical constructor. */
  private static final class RecordShape {
    final Class<?> type;
    final String[] names;
    final Type[] types;
    final Constructor<?> constructor;

    private RecordShape(Class<?> type, String[] names, Type[] types, Constructor<?> constructor) {
      this.type = type;
      this.names = names;
      this.types = types;
      this.constructor = constructor;
    }

    static RecordShape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      String[] names = new String[components.length];
      Type[] types = new Type[components.length];
      Class<?>[] erased = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        types[i] = components[i].getGenericType();
        erased[i] = components[i].getType();
      }
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(erased);
        constructor.setAccessible(true);
        return new RecordShape(type, names, types, constructor);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record " + type.getName() + " has no canonical one", e);
      }
    }

    /** The component named {@code name}, looked for first where the fields' order says. */
    int indexOf(String name, int expected) {
      if (expected < names.length && names[expected].equals(name)) {
        return expected;
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }
}
