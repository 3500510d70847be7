package dev.sailplan.testing;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.testing.internal.Routes;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a set of resources: what they contain and what {@link Validation#standard()}
 * (schemas, CEL rules, webhook checks and the cross-resource analyzers) finds in them.
 *
 * <pre>{@code
 * assertThat(resources).hasNoFindings();
 * assertThat(resources)
 *     .hasFinding("SP1001")
 *     .on("VirtualService bookinfo/reviews")
 *     .at("spec.http[0].route[0].destination");
 * assertThat(resources).contains("DestinationRule", "bookinfo/reviews");
 * }</pre>
 */
public final class ResourcesAssert
    extends AbstractAssert<ResourcesAssert, List<? extends Resource>> {
  private Findings findings;

  ResourcesAssert(List<? extends Resource> actual) {
    super(actual, ResourcesAssert.class);
  }

  /**
   * Verifies that validation finds nothing at all, not even a warning or an info.
   *
   * @return this assertion
   */
  public ResourcesAssert hasNoFindings() {
    Findings f = findings();
    if (!f.isEmpty()) {
      failWithMessage(
          "expected no findings in %d resources, but found %d:%n%s",
          actual.size(), f.size(), lines(f.all()));
    }
    return this;
  }

  /**
   * Verifies that validation finds this code, and narrows to its findings.
   *
   * @param code a Sailplan code, e.g. {@code SP1001}
   * @return the assertion on the findings with that code, for {@code on} and {@code at}
   */
  public FindingAssert hasFinding(String code) {
    Findings f = findings();
    List<Finding> withCode = f.withCode(code).all();
    if (withCode.isEmpty()) {
      failWithMessage(
          "expected a finding %s, but found %s",
          code, f.isEmpty() ? "none" : f.size() + ":" + System.lineSeparator() + lines(f.all()));
    }
    return new FindingAssert(code, withCode);
  }

  /**
   * Verifies that one of the resources is this object.
   *
   * @param kind the kind, e.g. {@code VirtualService}
   * @param ref {@code namespace/name}, or {@code name} for an object without a namespace
   * @return this assertion
   */
  public ResourcesAssert contains(String kind, String ref) {
    isNotNull();
    String want = kind + " " + ref;
    List<String> all = actual.stream().map(Routes::describe).toList();
    if (!all.contains(want)) {
      failWithMessage("expected the resources to contain %s, but they are %s", want, all);
    }
    return this;
  }

  /**
   * Assertions on the mTLS mode PeerAuthentications give a namespace, workload or port.
   *
   * <pre>{@code
   * assertThat(resources).mtls().inNamespace("bookinfo").isStrict();
   * }</pre>
   *
   * @return the assertion; name the namespace or workload next
   */
  public MtlsAssert mtls() {
    isNotNull();
    return new MtlsAssert(actual);
  }

  /**
   * Assertions on whether AuthorizationPolicies let a request through to a workload.
   *
   * <pre>{@code
   * assertThat(resources).request().from("cluster.local/ns/bookinfo/sa/productpage")
   *     .to("bookinfo", Map.of("app", "reviews")).get("/reviews/1").isAllowed();
   * }</pre>
   *
   * @return the assertion; describe the request next
   */
  public RequestAssert request() {
    isNotNull();
    return new RequestAssert(actual);
  }

  private Findings findings() {
    isNotNull();
    if (findings == null) {
      findings = Validation.standard().validate(actual);
    }
    return findings;
  }

  static String lines(List<Finding> findings) {
    return findings.stream().map(f -> "  " + f).collect(Collectors.joining(System.lineSeparator()));
  }
}
