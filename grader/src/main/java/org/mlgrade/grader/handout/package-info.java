/**
 * The students' handout: the API jars and Javadoc, skeleton classes, the visible tests with
 * their expected and known-mistake answers, and the self-check jar, with no reference code and
 * no hidden test.
 */
package org.mlgrade.grader.handout;
