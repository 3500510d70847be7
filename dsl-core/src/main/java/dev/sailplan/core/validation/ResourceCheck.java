package dev.sailplan.core.validation;

import dev.sailplan.core.meta.Resource;

/**
 * A check of one typed resource that its schema cannot express, e.g. what istiod's validating
 * webhook rejects. It runs only on resources whose schema check found no Error.
 */
@FunctionalInterface
public interface ResourceCheck {
  /** Reports everything wrong with {@code resource}; ignores resources of other kinds. */
  void check(Resource resource, Report report);
}
