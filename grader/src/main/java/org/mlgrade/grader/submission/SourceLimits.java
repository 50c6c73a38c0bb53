package org.mlgrade.grader.submission;

/**
 * How much of a submission is read, so that a zip bomb or a huge folder costs bounded time and
 * disk. Whatever goes past a limit is skipped and named in {@link CompiledSubmission#problems()}.
 *
 * @param maxFiles the most {@code .java} files kept
 * @param maxFileBytes the largest {@code .java} file kept, in bytes
 * @param maxTotalBytes the most bytes read from the submission's {@code .java} files in all
 * @param maxEntries the most directory or zip entries looked at, of any kind
 */
public record SourceLimits(int maxFiles, long maxFileBytes, long maxTotalBytes, int maxEntries) {

  /** 500 files, 1 MiB per file, 8 MiB in all, 20,000 entries looked at. */
  public static final SourceLimits DEFAULT = new SourceLimits(500, 1L << 20, 8L << 20, 20_000);

  public SourceLimits {
    if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < 1 || maxEntries < 1) {
      throw new IllegalArgumentException("source limits must be positive: maxFiles=" + maxFiles
          + ", maxFileBytes=" + maxFileBytes + ", maxTotalBytes=" + maxTotalBytes
          + ", maxEntries=" + maxEntries);
    }
  }
}
