/** A fake student API for the grader's tests; no real homework problem. */
package org.mlgrade.api.testfake;
