/**
 * The grading engine: {@link org.mlgrade.grader.Grader} runs one submission through the stages,
 * one package each: rubric, submission, sandbox, judge, report, batch, cli.
 */
package org.mlgrade.grader;
