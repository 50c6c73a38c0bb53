package org.mlgrade.api.backprop;

/** Argument checks shared by the input records; messages name the value and its expected shape. */
final class BackpropChecks {

  private BackpropChecks() {}

  /** Checks that {@code array} is {@code [rows][cols]} and returns {@code cols}. */
  static int matrix(String name, double[][] array, int rows) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (array.length != rows) {
      throw new IllegalArgumentException(
          name + " must have " + rows + " rows (one per unit of the layer below), got "
              + array.length);
    }
    if (rows == 0) {
      throw new IllegalArgumentException(name + " must have at least one row");
    }
    for (int i = 0; i < rows; i++) {
      if (array[i] == null) {
        throw new IllegalArgumentException(name + "[" + i + "] must not be null");
      }
      if (array[i].length != array[0].length) {
        throw new IllegalArgumentException(name + " must be rectangular: row 0 has "
            + array[0].length + " entries, row " + i + " has " + array[i].length);
      }
    }
    if (array[0].length == 0) {
      throw new IllegalArgumentException(name + " must have at least one column");
    }
    return array[0].length;
  }

  static void vector(String name, double[] array, int length, String what) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (array.length != length) {
      throw new IllegalArgumentException(
          name + " must have length " + length + " (" + what + "), got " + array.length);
    }
  }

  static void nonEmpty(String name, double[] array) {
    if (array == null || array.length == 0) {
      throw new IllegalArgumentException(name + " must have at least one entry");
    }
  }
}
