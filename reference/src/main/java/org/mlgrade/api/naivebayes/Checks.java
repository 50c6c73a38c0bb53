package org.mlgrade.api.naivebayes;

/** Shape and value checks shared by the records of this package. */
final class Checks {

  private Checks() {}

  /**
   * Checks that {@code matrix} is a non-empty rectangular array of finite values with at least one
   * column, and returns its number of columns.
   */
  static int matrix(String name, double[][] matrix) {
    if (matrix.length == 0) {
      throw new IllegalArgumentException(name + " must have at least one row, got 0");
    }
    int columns = -1;
    for (int i = 0; i < matrix.length; i++) {
      double[] row = matrix[i];
      if (row == null || row.length == 0) {
        throw new IllegalArgumentException(name + "[" + i + "] must have at least one value");
      }
      if (columns >= 0 && row.length != columns) {
        throw new IllegalArgumentException(name + " must be rectangular: " + name + "[0] has "
            + columns + " values, " + name + "[" + i + "] has " + row.length);
      }
      columns = row.length;
      for (int j = 0; j < row.length; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "] must be finite, got " + row[j]);
        }
      }
    }
    return columns;
  }
}
