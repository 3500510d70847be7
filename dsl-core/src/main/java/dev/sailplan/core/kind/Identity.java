package dev.sailplan.core.kind;

import java.util.List;

/** The check every kind runs when built: its kind and apiVersion are its own. */
public final class Identity {
  private Identity() {}

  /**
   * Fails unless {@code kind} is {@code expectedKind} and {@code apiVersion} one of {@code
   * apiVersions}.
   *
   * @throws IllegalStateException naming what is wrong and what is allowed
   */
  public static void check(
      String expectedKind, List<String> apiVersions, String kind, String apiVersion) {
    if (!expectedKind.equals(kind)) {
      throw new IllegalStateException("kind must be " + expectedKind + ", not " + kind);
    }
    if (!apiVersions.contains(apiVersion)) {
      throw new IllegalStateException("apiVersion " + apiVersion + " is not one of " + apiVersions);
    }
  }
}
