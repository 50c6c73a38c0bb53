/**
 * A whole class at once: finds the students under a folder, grades them in parallel with one
 * grader, journals each finished student so that a killed batch resumes, and writes the
 * gradebook ({@code grades.csv}) and the class summary from the journal.
 */
package org.mlgrade.grader.batch;
