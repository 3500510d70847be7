package dev.sailplan.core.k8s;

import dev.sailplan.core.generic.GenericObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ConfigMaps and Secrets a workload's pods read: mounted as volumes (also through a projected
 * volume), or read into their environment ({@code envFrom}, {@code env[].valueFrom}).
 */
final class ConfigRefs {
  private ConfigRefs() {}

  /** By kind ({@code ConfigMap}, {@code Secret}), the names read, sorted. */
  static Map<String, SortedSet<String>> of(GenericObject workload) {
    Map<String, SortedSet<String>> out = new TreeMap<>();
    Optional<Object> spec =
        workload.kind().equals("Pod")
            ? workload.field("spec")
            : workload.kind().equals("CronJob")
                ? workload.field("spec", "jobTemplate", "spec", "template", "spec")
                : workload.field("spec", "template", "spec");
    if (spec.isEmpty() || !(spec.get() instanceof Map<?, ?> pod)) {
      return out;
    }
    for (Object v : list(pod.get("volumes"))) {
      add(out, "ConfigMap", at(v, "configMap", "name"));
      add(out, "Secret", at(v, "secret", "secretName"));
      for (Object source : list(at(v, "projected", "sources"))) {
        add(out, "ConfigMap", at(source, "configMap", "name"));
        add(out, "Secret", at(source, "secret", "name"));
      }
    }
    for (String containers : List.of("initContainers", "containers")) {
      for (Object c : list(pod.get(containers))) {
        for (Object from : list(at(c, "envFrom"))) {
          add(out, "ConfigMap", at(from, "configMapRef", "name"));
          add(out, "Secret", at(from, "secretRef", "name"));
        }
        for (Object env : list(at(c, "env"))) {
          add(out, "ConfigMap", at(env, "valueFrom", "configMapKeyRef", "name"));
          add(out, "Secret", at(env, "valueFrom", "secretKeyRef", "name"));
        }
      }
    }
    return out;
  }

  private static void add(Map<String, SortedSet<String>> out, String kind, Object name) {
    if (name instanceof String s && !s.isEmpty()) {
      out.computeIfAbsent(kind, k -> new TreeSet<>()).add(s);
    }
  }

  private static Object at(Object from, String... path) {
    Object x = from;
    for (String step : path) {
      x = x instanceof Map<?, ?> m ? m.get(step) : null;
    }
    return x;
  }

  private static List<?> list(Object x) {
    return x instanceof List<?> l ? l : List.of();
  }
}
