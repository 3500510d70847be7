package dev.sailplan.maven;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.SuppressRule;
import dev.sailplan.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The validation options every goal shares, and how findings are reported. */
abstract class AbstractSailplanMojo extends AbstractMojo {
  /**
   * The least serious level that fails the build: {@code error}, {@code warning}, {@code info} or
   * {@code none}. Whatever it says, nothing is written when a finding is an Error.
   */
  @Parameter(property = "sailplan.failOn", defaultValue = "error")
  String failOn;

  /**
   * Findings to drop, each {@code CODE=RESOURCE-GLOB} ({@code *} any characters, {@code ?} one),
   * e.g. {@code SP1005=VirtualService legacy/*}.
   */
  @Parameter List<String> suppress = new ArrayList<>();

  /** The mesh's root namespace (Istio's {@code rootNamespace}). */
  @Parameter(property = "sailplan.rootNamespace", defaultValue = "istio-system")
  String rootNamespace;

  /**
   * What lives outside the input, so that references to it are not reported as missing: hosts
   * ({@code *.svc.cluster.local}) or objects ({@code Service payments/*}).
   */
  @Parameter List<String> assumeExternal = new ArrayList<>();

  /** Skips the goal. */
  @Parameter(property = "sailplan.skip", defaultValue = "false")
  boolean skip;

  /** The validation these options configure. */
  Validation validation() throws MojoExecutionException {
    if (rootNamespace == null || rootNamespace.isBlank()) {
      throw new MojoExecutionException("<rootNamespace> names no namespace");
    }
    for (String glob : assumeExternal) {
      if (glob == null || glob.isBlank()) {
        throw new MojoExecutionException("<assumeExternal> '' matches nothing");
      }
    }
    return Validation.builder()
        .discover()
        .rootNamespace(rootNamespace)
        .assumeExternal(assumeExternal)
        .suppress(suppressRules())
        .build();
  }

  /** The level {@code failOn} names, or null for {@code none}. */
  Level failLevel() throws MojoExecutionException {
    return switch (failOn == null ? "" : failOn.strip().toLowerCase(Locale.ROOT)) {
      case "error" -> Level.ERROR;
      case "warning" -> Level.WARNING;
      case "info" -> Level.INFO;
      case "none" -> null;
      default ->
          throw new MojoExecutionException(
              "<failOn> '" + failOn + "' must be error, warning, info or none");
    };
  }

  /** The rules of {@code <suppress>}. */
  List<SuppressRule> suppressRules() throws MojoExecutionException {
    List<SuppressRule> rules = new ArrayList<>();
    for (String s : suppress) {
      try {
        rules.add(SuppressRule.parse(s == null ? "" : s.strip()));
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("<suppress> " + e.getMessage(), e);
      }
    }
    return rules;
  }

  /** Logs every finding, one line each, at its level. */
  void log(Findings findings) {
    for (Finding f : findings) {
      switch (f.level()) {
        case ERROR -> getLog().error(f.toString());
        case WARNING -> getLog().warn(f.toString());
        case INFO -> getLog().info(f.toString());
      }
    }
  }

  /**
   * Fails the build when a finding is at least as serious as {@code threshold} (null: never); the
   * message lists every such finding, one line each ({@code file:line} or {@code Kind ns/name}).
   */
  static void failIfNeeded(Findings findings, Level threshold, String what)
      throws MojoFailureException {
    if (threshold == null || !findings.hasAtLeast(threshold)) {
      return;
    }
    Findings failing = findings.atLeast(threshold);
    StringBuilder message =
        new StringBuilder()
            .append(what)
            .append(": ")
            .append(failing.size())
            .append(failing.size() == 1 ? " finding" : " findings")
            .append(" at or above ")
            .append(threshold.label().toLowerCase(Locale.ROOT))
            .append(':');
    for (Finding f : failing) {
      message.append("\n  ").append(f);
    }
    throw new MojoFailureException(message.toString());
  }
}
