package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * A test read from the rubric, before its points are settled.
 *
 * @param name its unique name
 * @param input the problem's input record
 * @param visibility when the student may see its result
 * @param points the points the rubric gives it, or null when it gives none
 * @param at the rubric entry it comes from (one entry stands for many generated tests)
 */
record DraftTest(String name, Object input, Visibility visibility, Double points, JsonPointer at) {}
