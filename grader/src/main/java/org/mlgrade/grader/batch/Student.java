package org.mlgrade.grader.batch;

import java.nio.file.Path;

/**
 * One student of a class: a submission and who handed it in.
 *
 * @param id the student id: the submission's folder name, or its zip's name without {@code .zip}
 *     (a Gradescope submission id in an exported class); also the name of its output folder
 * @param submission the submission, a directory or a .zip of Java sources
 * @param name the student's name, empty when unknown
 * @param email the student's email, empty when unknown
 */
public record Student(String id, Path submission, String name, String email) {}
