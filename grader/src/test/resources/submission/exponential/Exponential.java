/**
 * Nested generic calls in conditional expressions: javac's inference work grows exponentially
 * with the nesting (measured with JDK 17's javac: 6 levels 2.3 s, 8 levels 8 s, 10 levels 20 s of
 * CPU), while the source grows linearly. This has 16 levels.
 */
class Exponential {
  static boolean b;

  static <T> T m(T t) {
    return t;
  }

  Integer o = m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? m(b ? 1 : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1)) : m(1));
}
