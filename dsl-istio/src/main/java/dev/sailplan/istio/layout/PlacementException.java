package dev.sailplan.istio.layout;

/**
 * Thrown by {@link MeshLayout#place} when the layout cannot tell where a resource belongs; the
 * message names the resource and what would decide it.
 */
public final class PlacementException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public PlacementException(String message) {
    super(message);
  }
}
