/**
 * Reporters: each reads a finished {@link org.mlgrade.grader.judge.Result} and writes it in one
 * format (Gradescope's results.json, a terminal table, ...). Reporters never re-run or re-judge.
 */
package org.mlgrade.grader.report;
