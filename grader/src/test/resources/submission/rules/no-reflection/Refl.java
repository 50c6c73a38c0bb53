import static java.lang.invoke.MethodHandles.lookup;

import java.lang.reflect.Field;

class Refl {
  // field.setAccessible(true) would break encapsulation
  static final String HINT = "sun.misc.Unsafe and Class.forName";

  Object peek(Object o) throws Exception {
    Field f = o.getClass().getDeclaredField("x"); /*FLAG*/
    f.setAccessible(true); /*FLAG*/
    return f.get(o); /*FLAG*/
  }

  Object handles() {
    return lookup(); /*FLAG*/
  }

  Object unsafe() {
    return sun.misc.Unsafe.class; /*FLAG*/
  }

  Object load() throws Exception {
    return Class.forName("java.lang.String"); /*FLAG*/
  }

  String name(Object o) {
    return o.getClass().getSimpleName();
  }
}
