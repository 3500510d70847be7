package dev.sailplan.core.k8s;

import dev.sailplan.core.value.IntOrString;

/**
 * Factories of {@link ServicePort}, called on the type (the generated {@code AbstractServicePort}
 * extends this class).
 */
public abstract class ServicePortBase {
  ServicePortBase() {}

  /**
   * A named port whose target is the same port number.
   *
   * <pre>{@code
   * Service reviews = Service.builder()
   *     .metadata(ObjectMeta.ref("bookinfo/reviews"))
   *     .spec(ServiceSpec.builder()
   *         .putSelector("app", "reviews")
   *         .addPorts(ServicePort.of("http", 9080))
   *         .build())
   *     .build();
   * }</pre>
   */
  public static ServicePort of(String name, int port) {
    return ServicePort.builder().name(name).port(port).build();
  }

  /**
   * A named port forwarding to a different container port: {@code ServicePort.of("http", 80,
   * 8080)}.
   */
  public static ServicePort of(String name, int port, int targetPort) {
    return ServicePort.builder()
        .name(name)
        .port(port)
        .targetPort(IntOrString.of(targetPort))
        .build();
  }
}
