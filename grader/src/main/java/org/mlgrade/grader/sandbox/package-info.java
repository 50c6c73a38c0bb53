/**
 * Runs student code in a separate, limited and (where the OS allows) isolated JVM, and reports
 * what each call returned, threw or printed.
 */
package org.mlgrade.grader.sandbox;
