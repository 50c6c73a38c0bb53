/**
 * Turns what the sandbox saw into scores: expected answers from the reference (computed once per
 * rubric), comparison with tolerance, known-mistake diagnosis and points.
 */
package org.mlgrade.grader.judge;
