package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.Optional;

/**
 * One object going from one version to the next: created ({@code before} empty), deleted ({@code
 * after} empty) or updated.
 *
 * @param key the object
 * @param before the version it leaves, if it existed
 * @param after the version it reaches, if it still exists
 */
public record Change(ResourceKey key, Optional<Resource> before, Optional<Resource> after) {
  /** Whether the object is deleted. */
  public boolean isDelete() {
    return after.isEmpty();
  }

  /** Whether the object is created. */
  public boolean isCreate() {
    return before.isEmpty();
  }
}
