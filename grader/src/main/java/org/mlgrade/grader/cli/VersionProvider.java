package org.mlgrade.grader.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, which Maven writes from the pom. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"mlgrade " + (version == null ? "(development build)" : version)};
  }
}
