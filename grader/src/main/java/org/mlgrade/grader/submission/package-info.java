/** Finds a submission's Java sources, checks them statically and compiles them. */
package org.mlgrade.grader.submission;
