/**
 * The adversarial suite: hostile and faulty submissions (in {@code
 * src/test/resources/adversarial}) graded by one grader, each with the safe outcome it must get
 * and with checks that nothing else was harmed.
 */
package org.mlgrade.grader.adversarial;
