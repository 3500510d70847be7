package dev.sailplan.testing;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.testing.internal.MtlsResolver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the mTLS mode a namespace, a workload or one of its ports accepts, resolved from
 * the resources' PeerAuthentications as Istio does: a policy selecting the workload's pods, else
 * the namespace's policy without a selector, else the root namespace's (mesh-wide); {@code UNSET}
 * inherits from the level above, {@code portLevelMtls} (on a policy with a selector) overrides the
 * mode for its port, and without any policy the mode is PERMISSIVE. Two policies of one level that
 * disagree fail the assertion: Istio applies the oldest, which manifests do not tell.
 *
 * <pre>{@code
 * assertThat(resources).mtls().inNamespace("bookinfo").isStrict();
 * assertThat(resources).mtls()
 *     .forWorkload("bookinfo", Map.of("app", "reviews")).onPort(9080).isPermissive();
 * MutualTLSMode mode = assertThat(resources).mtls().withRootNamespace("istio-config")
 *     .inNamespace("bookinfo").mode();
 * }</pre>
 */
public final class MtlsAssert extends AbstractAssert<MtlsAssert, List<? extends Resource>> {
  /** Istio's root namespace unless the mesh configuration names another. */
  public static final String DEFAULT_ROOT_NAMESPACE = "istio-system";

  private final String root;
  private final String namespace;
  private final Map<String, String> labels;
  private final Integer port;

  MtlsAssert(List<? extends Resource> resources) {
    this(resources, DEFAULT_ROOT_NAMESPACE, null, null, null);
  }

  private MtlsAssert(
      List<? extends Resource> resources,
      String root,
      String namespace,
      Map<String, String> labels,
      Integer port) {
    super(resources, MtlsAssert.class);
    this.root = root;
    this.namespace = namespace;
    this.labels = labels;
    this.port = port;
  }

  /**
   * Takes mesh-wide policies from another root namespace (the mesh configuration's {@code
   * rootNamespace}).
   *
   * @param rootNamespace e.g. {@code istio-config}
   * @return the assertion with that root namespace
   */
  public MtlsAssert withRootNamespace(String rootNamespace) {
    return new MtlsAssert(actual, rootNamespace, namespace, labels, port);
  }

  /**
   * Asks for the mode of a namespace's workloads that no policy selects by labels.
   *
   * @param namespace the namespace
   * @return the assertion on that namespace
   */
  public MtlsAssert inNamespace(String namespace) {
    return new MtlsAssert(actual, root, namespace, null, null);
  }

  /**
   * Asks for the mode of a workload, by its pods' labels.
   *
   * @param namespace the workload's namespace
   * @param podLabels its pods' labels
   * @return the assertion on that workload
   */
  public MtlsAssert forWorkload(String namespace, Map<String, String> podLabels) {
    return new MtlsAssert(actual, root, namespace, new TreeMap<>(podLabels), null);
  }

  /**
   * Asks for the mode of one of the workload's ports (the container port).
   *
   * @param port the port
   * @return the assertion on that port
   */
  public MtlsAssert onPort(int port) {
    if (labels == null) {
      throw new IllegalStateException("onPort needs forWorkload first");
    }
    return new MtlsAssert(actual, root, namespace, labels, port);
  }

  /**
   * Verifies the mode is STRICT: only mTLS is accepted.
   *
   * @return this assertion
   */
  public MtlsAssert isStrict() {
    return hasMode(MutualTLSMode.STRICT);
  }

  /**
   * Verifies the mode is PERMISSIVE: mTLS and plaintext are accepted.
   *
   * @return this assertion
   */
  public MtlsAssert isPermissive() {
    return hasMode(MutualTLSMode.PERMISSIVE);
  }

  /**
   * Verifies the mode is DISABLE: only plaintext is accepted.
   *
   * @return this assertion
   */
  public MtlsAssert isDisabled() {
    return hasMode(MutualTLSMode.DISABLE);
  }

  /**
   * Verifies the mode.
   *
   * @param expected the mode
   * @return this assertion
   */
  public MtlsAssert hasMode(MutualTLSMode expected) {
    MtlsResolver.Decision d = decide();
    MutualTLSMode mode = d.mode().orElseThrow();
    if (mode != expected) {
      failWithMessage(
          "expected mTLS of %s to be %s, but it is %s: %s", subject(), expected, mode, d.reason());
    }
    return this;
  }

  /**
   * The resolved mode, for assertions of your own; fails when the manifests cannot tell.
   *
   * @return STRICT, PERMISSIVE or DISABLE
   */
  public MutualTLSMode mode() {
    return decide().mode().orElseThrow();
  }

  private MtlsResolver.Decision decide() {
    isNotNull();
    if (namespace == null) {
      throw new IllegalStateException("ask inNamespace or forWorkload first");
    }
    MtlsResolver.Decision d = MtlsResolver.resolve(actual, root, namespace, labels, port);
    if (d.mode().isEmpty()) {
      failWithMessage("cannot tell the mTLS mode of %s: %s", subject(), d.reason());
    }
    return d;
  }

  private String subject() {
    if (labels == null) {
      return "namespace " + namespace;
    }
    return "workload " + namespace + " " + labels + (port == null ? "" : " on port " + port);
  }
}
