package org.mlgrade.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample submissions of {@code submissions-sample/}, assembled into complete submissions:
 * the base's {@code src/} with the sample's own files over it and its {@code removes} left out.
 */
final class Samples {

  private final Path root;

  Samples(Path root) {
    this.root = root;
    if (!Files.isRegularFile(root.resolve("MLGRADE-SAMPLES"))) {
      throw new IllegalArgumentException(root + " is not a samples folder");
    }
  }

  /** The sample names starting with {@code prefix}, sorted. */
  List<String> named(String prefix) throws IOException {
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(prefix)).sorted().toList();
    }
  }

  /** Writes the complete sources of sample {@code name} into {@code target}/src. */
  void assemble(String name, Path target) throws IOException {
    Path sample = root.resolve(name);
    Path descriptor = sample.resolve("sample.json");
    if (Files.exists(descriptor)) {
      JsonNode read = new ObjectMapper().readTree(descriptor.toFile());
      BatchBenchmark.copyTree(root.resolve(read.path("base").asText()).resolve("src"),
          target.resolve("src"));
      for (JsonNode removed : read.path("removes")) {
        Files.deleteIfExists(target.resolve(removed.asText()));
      }
    }
    if (Files.isDirectory(sample.resolve("src"))) {
      BatchBenchmark.copyTree(sample.resolve("src"), target.resolve("src"));
    }
  }

  Path root() {
    return root;
  }
}
