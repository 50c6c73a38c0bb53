package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlgrade.grader.batch.ClassOutputs;
import org.mlgrade.grader.batch.Journal;
import org.mlgrade.grader.batch.PdfReporters;
import org.mlgrade.grader.batch.Progress;
import org.mlgrade.grader.batch.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlgrade merge}: one gradebook and summary from the output folders of shards. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Combines the journals of batch output folders (the shards of one class, graded with",
      "--shard I/N) into OUT/grades.csv and OUT/summary.pdf. Refuses folders graded with",
      "different rubrics and a student found in two folders. Usage: merge OUT DIR... or",
      "merge --out OUT DIR..."
    })
final class MergeCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "OUT",
      description = "where the merged grades.csv and summary.pdf go")
  Path outDir;

  @Parameters(paramLabel = "DIR", arity = "1..*",
      description = "the --out folders of the shards (without --out: the first is OUT)")
  List<Path> folders = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    List<Path> shards = new ArrayList<>(folders);
    Path target = outDir != null ? outDir : shards.remove(0);
    if (Files.exists(target.resolve(Journal.FILE))) {
      err.println("mlgrade merge: " + target + " is the output folder of a batch (it holds "
          + Journal.FILE + "); the merge goes into a folder of its own: merge OUT DIR...");
      return ExitCodes.USAGE;
    }
    ShardMerge merge;
    try {
      merge = ShardMerge.of(shards);
    } catch (IllegalArgumentException e) {
      err.println("mlgrade merge: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    for (String warning : merge.warnings()) {
      err.println("mlgrade merge: warning: " + warning);
    }
    Files.createDirectories(target);
    boolean summaryWritten = ClassOutputs.write(target, merge.header(), merge.rows(),
        PdfReporters.standard(), Progress.quiet(err));
    out.println("Merged " + shards.size() + " folder(s) into " + target);
    return BatchCommand.finish(out, merge.rows(), merge.header(), summaryWritten, start);
  }
}
