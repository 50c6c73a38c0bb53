package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a command in a fresh cgroup of its own and reads the CPU time of its whole process tree
 * (sandboxed children included) from it: cgroup v1's {@code cpuacct.usage} or v2's {@code
 * cpu.stat}. Without a writable cgroup it falls back to {@code /usr/bin/time}'s user+sys.
 */
final class Cpu {

  private static final Path V1 = Path.of("/sys/fs/cgroup/cpuacct");
  private static final Path V2 = Path.of("/sys/fs/cgroup");
  private static final Path TIME = Path.of("/usr/bin/time");

  private final Path parent;
  private final boolean v2;
  private final Path work;
  private int next;

  private Cpu(Path parent, boolean v2, Path work) {
    this.parent = parent;
    this.v2 = v2;
    this.work = work;
  }

  static Cpu find(Path work) {
    for (Path candidate : List.of(V1, V2)) {
      boolean v2 = candidate.equals(V2);
      Path probe = candidate.resolve("mlgrade-bench-probe-" + ProcessHandle.current().pid());
      try {
        if (v2 && !Files.exists(V2.resolve("cgroup.controllers"))) {
          continue;
        }
        Files.createDirectory(probe);
        Files.delete(probe);
        return new Cpu(candidate, v2, work);
      } catch (IOException | UnsupportedOperationException e) {
        // not writable here
      }
    }
    return new Cpu(null, false, work);
  }

  String describe() {
    return parent == null ? "/usr/bin/time user+sys (cgroup not writable)"
        : (v2 ? "cgroup v2 cpu.stat" : "cgroup v1 cpuacct.usage") + " under " + parent;
  }

  /** Runs {@code command} to its end, calling {@code poll} every 100 ms meanwhile. */
  Measured run(List<String> command, Path log, Runnable poll) throws Exception {
    Path group = parent == null ? null : parent.resolve("mlgrade-bench-"
        + ProcessHandle.current().pid() + "-" + next++);
    if (group != null) {
      Files.createDirectory(group);
    }
    Path timeFile = work.resolve("time-" + next + ".txt");
    List<String> full = new ArrayList<>(List.of(TIME.toString(), "-f", "%U %S %M", "-o",
        timeFile.toString()));
    if (group != null) {
      full.addAll(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
          group.resolve("cgroup.procs").toString()));
    }
    full.addAll(command);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(full).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long peakKb = 0;
    while (process.isAlive()) {
      poll.run();
      peakKb = Math.max(peakKb, peakRss(process.toHandle()));
      Thread.sleep(100);
    }
    int exit = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    String[] time = Files.readString(timeFile).trim().split("\\R");
    String[] fields = time[time.length - 1].trim().split("\\s+");
    double rusage = Double.parseDouble(fields[0]) + Double.parseDouble(fields[1]);
    if (peakKb == 0) {
      peakKb = Long.parseLong(fields[2]);
    }
    double cpu = rusage;
    if (group != null) {
      cpu = groupCpu(group);
      for (int i = 0; i < 50 && !Files.readString(group.resolve("cgroup.procs")).isBlank(); i++) {
        Thread.sleep(100);
      }
      cpu = groupCpu(group);
      Files.delete(group);
    }
    return new Measured(wall, cpu, rusage, peakKb, exit, start);
  }

  private double groupCpu(Path group) throws IOException {
    if (!v2) {
      return Long.parseLong(Files.readString(group.resolve("cpuacct.usage")).trim()) / 1e9;
    }
    for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
      if (line.startsWith("usage_usec ")) {
        return Long.parseLong(line.substring("usage_usec ".length()).trim()) / 1e6;
      }
    }
    throw new IOException("no usage_usec in " + group.resolve("cpu.stat"));
  }

  /** The largest VmHWM of the process's descendants (the JVM under time and sh). */
  private static long peakRss(ProcessHandle top) {
    long peak = 0;
    for (ProcessHandle handle : top.descendants().toList()) {
      if (handle.info().command().map(c -> c.endsWith("/java")).orElse(false)
          && handle.parent().map(p -> p.pid() == top.pid()).orElse(false)) {
        peak = Math.max(peak, hwm(handle.pid()));
      }
    }
    return peak;
  }

  private static long hwm(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Cpu[%s]", describe());
  }
}
