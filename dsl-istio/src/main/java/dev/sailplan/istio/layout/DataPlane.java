package dev.sailplan.istio.layout;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the workloads of an app namespace join the mesh, as the namespace's labels say: sidecar
 * injection, injection by a control-plane revision, or ambient mode (optionally through a
 * waypoint).
 *
 * <pre>{@code
 * DataPlane.sidecar();           // istio-injection: enabled
 * DataPlane.revision("1-30");    // istio.io/rev: 1-30
 * DataPlane.ambient("waypoint"); // istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint
 * }</pre>
 */
public final class DataPlane {
  /** The label that turns on sidecar injection by the default revision. */
  public static final String INJECTION = "istio-injection";

  /** The label that names the control-plane revision that injects the sidecars. */
  public static final String REVISION = "istio.io/rev";

  /** The label that enrols the namespace in ambient mode. */
  public static final String DATAPLANE_MODE = "istio.io/dataplane-mode";

  /** The label that sends the namespace's traffic through a waypoint. */
  public static final String USE_WAYPOINT = "istio.io/use-waypoint";

  /** The kind of data plane. */
  public enum Mode {
    /** Sidecars injected by the default revision. */
    SIDECAR,
    /** Sidecars injected by a named revision. */
    REVISION,
    /** Ztunnel, and a waypoint for L7 when one is named. */
    AMBIENT
  }

  private final Mode mode;
  private final String value;

  private DataPlane(Mode mode, String value) {
    this.mode = mode;
    this.value = value;
  }

  /** Sidecar injection by the default revision: {@code istio-injection: enabled}. */
  public static DataPlane sidecar() {
    return new DataPlane(Mode.SIDECAR, "");
  }

  /**
   * Sidecar injection by a control-plane revision: {@code istio.io/rev: <revision>}.
   *
   * @throws IllegalArgumentException when the revision is empty
   */
  public static DataPlane revision(String revision) {
    if (Objects.requireNonNull(revision, "revision").isEmpty()) {
      throw new IllegalArgumentException("a revision label needs a revision name");
    }
    return new DataPlane(Mode.REVISION, revision);
  }

  /** Ambient mode without a waypoint: {@code istio.io/dataplane-mode: ambient}. */
  public static DataPlane ambient() {
    return new DataPlane(Mode.AMBIENT, "");
  }

  /**
   * Ambient mode with the namespace's traffic through a waypoint: {@code istio.io/use-waypoint}.
   *
   * @throws IllegalArgumentException when the waypoint name is empty
   */
  public static DataPlane ambient(String waypoint) {
    if (Objects.requireNonNull(waypoint, "waypoint").isEmpty()) {
      throw new IllegalArgumentException("a waypoint needs a name");
    }
    return new DataPlane(Mode.AMBIENT, waypoint);
  }

  /** The kind of data plane. */
  public Mode mode() {
    return mode;
  }

  /** The revision, for {@link Mode#REVISION}. */
  public Optional<String> revisionName() {
    return mode == Mode.REVISION ? Optional.of(value) : Optional.empty();
  }

  /** The waypoint, for {@link Mode#AMBIENT} with one. */
  public Optional<String> waypoint() {
    return mode == Mode.AMBIENT && !value.isEmpty() ? Optional.of(value) : Optional.empty();
  }

  /** The namespace labels that select this data plane, sorted by key. */
  public Map<String, String> labels() {
    Map<String, String> labels = new TreeMap<>();
    switch (mode) {
      case SIDECAR -> labels.put(INJECTION, "enabled");
      case REVISION -> labels.put(REVISION, value);
      case AMBIENT -> {
        labels.put(DATAPLANE_MODE, "ambient");
        if (!value.isEmpty()) {
          labels.put(USE_WAYPOINT, value);
        }
      }
    }
    return labels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataPlane d && d.mode == mode && d.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, value);
  }

  @Override
  public String toString() {
    return labels().toString();
  }
}
