package dev.sailplan.bench;

import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchBuilder;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** The {@link SyntheticMesh} written with fabric8's builders; references no Sailplan class. */
public final class Fabric8Mesh {
  private Fabric8Mesh() {}

  /** {@code n} services, three resources each, in service order. */
  public static List<HasMetadata> build(int n) {
    List<HasMetadata> all = new ArrayList<>(n * SyntheticMesh.RESOURCES_PER_SERVICE);
    for (int i = 0; i < n; i++) {
      all.add(virtualServiceOf(i));
      all.add(destinationRuleOf(i));
      all.add(authorizationPolicyOf(i));
    }
    return all;
  }

  /**
   * Service {@code i}'s VirtualService: canary header to v2, else 90/10 v1/v2 with timeout and
   * retries.
   */
  public static VirtualService virtualServiceOf(int i) {
    String host = SyntheticMesh.host(i);
    return new VirtualServiceBuilder()
        .withNewMetadata()
        .withName(host)
        .withNamespace("mesh")
        .endMetadata()
        .withNewSpec()
        .addToHosts(host)
        .addNewHttp()
        .addNewMatch()
        .addToHeaders(
            "x-canary", new StringMatchBuilder().withNewStringMatchExactType("true").build())
        .endMatch()
        .addNewRoute()
        .withNewDestination()
        .withHost(host)
        .withSubset("v2")
        .endDestination()
        .endRoute()
        .endHttp()
        .addNewHttp()
        .addNewRoute()
        .withNewDestination()
        .withHost(host)
        .withSubset("v1")
        .endDestination()
        .withWeight(90)
        .endRoute()
        .addNewRoute()
        .withNewDestination()
        .withHost(host)
        .withSubset("v2")
        .endDestination()
        .withWeight(10)
        .endRoute()
        .withTimeout("10s")
        .withNewRetries()
        .withAttempts(3)
        .withPerTryTimeout("3s")
        .withRetryOn("connect-failure,refused-stream,unavailable,reset")
        .endRetries()
        .endHttp()
        .endSpec()
        .build();
  }

  /** Service {@code i}'s DestinationRule: connection pool, outlier detection, subsets v1 and v2. */
  public static DestinationRule destinationRuleOf(int i) {
    String host = SyntheticMesh.host(i);
    return new DestinationRuleBuilder()
        .withNewMetadata()
        .withName(host)
        .withNamespace("mesh")
        .endMetadata()
        .withNewSpec()
        .withHost(host)
        .withNewTrafficPolicy()
        .withNewConnectionPool()
        .withNewTcp()
        .withMaxConnections(100)
        .endTcp()
        .withNewHttp()
        .withHttp1MaxPendingRequests(50)
        .endHttp()
        .endConnectionPool()
        .withNewOutlierDetection()
        .withConsecutive5xxErrors(5)
        .withInterval("30s")
        .withBaseEjectionTime("30s")
        .withMaxEjectionPercent(50)
        .endOutlierDetection()
        .endTrafficPolicy()
        .addNewSubset()
        .withName("v1")
        .addToLabels("version", "v1")
        .endSubset()
        .addNewSubset()
        .withName("v2")
        .addToLabels("version", "v2")
        .endSubset()
        .endSpec()
        .build();
  }

  /** Service {@code i}'s AuthorizationPolicy: frontend and gateway may GET/POST {@code /api/*}. */
  public static AuthorizationPolicy authorizationPolicyOf(int i) {
    String host = SyntheticMesh.host(i);
    return new AuthorizationPolicyBuilder()
        .withNewMetadata()
        .withName(host)
        .withNamespace("mesh")
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", host)
        .endSelector()
        .withAction(AuthorizationPolicyAction.ALLOW)
        .addNewRule()
        .addNewFrom()
        .withNewSource()
        .addToPrincipals("cluster.local/ns/mesh/sa/frontend", "cluster.local/ns/mesh/sa/gateway")
        .endSource()
        .endFrom()
        .addNewTo()
        .withNewOperation()
        .addToMethods("GET", "POST")
        .addToPaths("/api/*")
        .endOperation()
        .endTo()
        .endRule()
        .endSpec()
        .build();
  }
}
