package dev.sailplan.architecture.smoke;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a user on the module path does: parse (both paths), render and plan. {@code ModulePathTest}
 * runs it in a JVM that has Sailplan's jars on the module path, so the module descriptors' exports,
 * opens (Jackson binding generated and core types) and services (kinds and dependency models) are
 * what make it work.
 */
public final class ModulePathSmoke {
  // The explicit null sends the text down the full path, which binds trees with Jackson.
  static final String MESH =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: reviews
        namespace: bookinfo
        annotations: ~
      spec:
        ports:
        - name: http
          port: 9080
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        subsets:
        - name: v2
          labels:
            version: v2
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts:
        - reviews
        http:
        - route:
          - destination:
              host: reviews
              subset: v2
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: ratings
        namespace: bookinfo
      spec:
        rules:
        - backendRefs:
          - name: ratings
            port: 9080
      """;

  private ModulePathSmoke() {}

  /** Prints the modules, the parsed kinds, the rendered stream and the planned stages. */
  public static void main(String[] args) {
    System.out.println("module " + Manifests.class.getModule().getName());
    List<Resource> mesh = Manifests.parse(MESH, "mesh.yaml");
    for (Resource r : mesh) {
      System.out.println(
          r.kind() + " " + r.qualifiedName() + " in " + r.getClass().getModule().getName());
    }
    System.out.print(Manifests.toYaml(Manifests.parse(Manifests.toYaml(mesh), "rendered.yaml")));
    List<Stage> stages = Planner.discover().stages(State.empty(), State.of(mesh));
    for (Stage stage : stages) {
      System.out.println(
          "stage: "
              + stage.changes().stream()
                  .map(c -> c.key().kind())
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
  }
}
