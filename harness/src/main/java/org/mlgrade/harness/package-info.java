/**
 * The main class that runs inside the sandboxed child JVM: it finds the student's implementation
 * of an API interface, calls it on the inputs it is given and reports, call by call, what the
 * code returned, threw or printed. It never sees expected outputs and never judges.
 */
package org.mlgrade.harness;
