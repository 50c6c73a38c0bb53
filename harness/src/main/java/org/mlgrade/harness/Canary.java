package org.mlgrade.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The sandbox's start-up canary: run at the isolation level the grader is about to use, it tries
 * what student code must not manage there and prints one line per attempt, the attempt as given
 * then a tab then {@code SUCCEEDED} or {@code denied: <why>}. Attempts: {@code read:PATH} (open a
 * file and read a byte, or list a directory), {@code connect:PORT} (a TCP connection to the
 * grader host's loopback).
 */
public final class Canary {

  private static final int CONNECT_MILLIS = 2_000;

  private Canary() {}

  /** Runs every attempt of {@code args} in order. */
  public static void main(String[] args) {
    for (String arg : args) {
      String outcome;
      try {
        attempt(arg);
        outcome = "SUCCEEDED";
      } catch (IOException | RuntimeException e) {
        outcome = "denied: " + e.getClass().getSimpleName();
      }
      System.out.println(arg.replace('\t', ' ').replace('\n', ' ') + "\t" + outcome);
    }
    System.out.flush();
  }

  private static void attempt(String arg) throws IOException {
    int colon = arg.indexOf(':');
    String kind = colon < 0 ? arg : arg.substring(0, colon);
    String target = colon < 0 ? "" : arg.substring(colon + 1);
    switch (kind) {
      case "read" -> {
        Path path = Path.of(target);
        if (Files.isDirectory(path)) {
          try (Stream<Path> list = Files.list(path)) {
            list.findFirst();
          }
        } else {
          try (InputStream in = Files.newInputStream(path)) {
            in.read();
          }
        }
      }
      case "connect" -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
              Integer.parseInt(target)), CONNECT_MILLIS);
        }
      }
      default -> throw new IllegalArgumentException("unknown canary attempt " + arg);
    }
  }
}
