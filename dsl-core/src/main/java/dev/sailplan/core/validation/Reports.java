package dev.sailplan.core.validation;

import dev.sailplan.core.meta.Resource;

/**
 * Where an {@link Analyzer} puts its findings: the {@link Report} of the object a finding is about,
 * which knows that object's file and line. Findings on objects the analysis only assumes (Istio's
 * default ingress gateway) are dropped.
 */
public interface Reports {
  /** The report of a resource of the mesh. */
  Report on(Resource resource);

  /** The report of a Kubernetes object of the mesh that Sailplan does not model. */
  Report on(KubeObject object);
}
