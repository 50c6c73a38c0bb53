/**
 * The trusted side of the AlexNet counting problems: reference solution, input generators (the
 * paper's network first, then random small networks) and the known mistakes.
 */
package org.mlgrade.reference.problems.alexnet;
