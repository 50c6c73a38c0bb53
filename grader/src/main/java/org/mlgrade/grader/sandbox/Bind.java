package org.mlgrade.grader.sandbox;

import java.nio.file.Path;

/**
 * A host directory and the path at which the child sees it.
 *
 * @param host the directory on the host
 * @param child where the child sees it (the same path unless bubblewrap maps it)
 * @param writable whether the child may write there
 */
record Bind(Path host, Path child, boolean writable) {}
