package dev.sailplan.istio.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class CanaryRolloutTest {
  private static final CanaryRollout CANARY = CanaryRollout.of("bookinfo/reviews")
      .stable("v1").canary("v2").steps(10, 50, 100).headerOverride("x-canary", "true").build();

  /** "step: label/barrier, label/barrier" per step. */
  private static List<String> outline(Plan plan) {
    return plan.steps().stream().map((Step s) -> s.name() + ": " + String.join(", ",
        s.stages().stream().map((Stage st) -> st.label() + "/" + st.then().value()).toList())).toList();
  }

  @Test
  void stepsAddTheSubsetShiftWeightWithGatesThenDropTheStableSubset() {
    Plan plan = CANARY.plan();
    assertEquals("reviews-canary", plan.name());
    assertEquals(List.of(
        "add-canary-subset: destinationrules/propagation, virtualservices/gate",
        "shift-10: virtualservices/gate",
        "shift-50: virtualservices/gate",
        "shift-100: virtualservices/gate",
        "drop-stable-subset: destinationrules/none"), outline(plan));
  }

  @Test
  void theOverrideRouteSendsTestersToTheCanaryUntilItTakesEverything() {
    assertEquals("""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - match:
            - headers:
                x-canary:
                  exact: "true"
            name: canary-override
            route:
            - destination:
                host: reviews
                subset: v2
          - name: primary
            route:
            - destination:
                host: reviews
                subset: v1
              weight: 90
            - destination:
                host: reviews
                subset: v2
              weight: 10
        """, Manifests.toYaml(CANARY.targets().get(1).desired().resources().get(1)));
  }

  @Test
  void rollbackFromAnyStepReturnsToTheStableSubsetAlone() {
    for (int step = 0; step < CANARY.stepNames().size(); step++) {
      Plan back = CANARY.rollbackFrom(step).plan();
      assertEquals(CANARY.current(), back.desired(), CANARY.stepNames().get(step));
    }
    assertEquals(List.of("return-to-v1: destinationrules/propagation, virtualservices/gate",
            "drop-canary-subset: destinationrules/none"),
        outline(CANARY.rollbackFrom(CANARY.stepNames().size() - 1).plan()));
    assertEquals("reviews-canary-rollback-from-shift-50", CANARY.rollbackFrom(2).name());
  }

  @Test
  void badWeightsSubsetsAndNamesAreRejectedWithTheReason() {
    assertEquals("step weights must increase: 25 follows 50", assertThrows(IllegalArgumentException.class,
        () -> CanaryRollout.of("a/b").stable("v1").canary("v2").steps(10, 50, 25, 100).build()).getMessage());
    assertEquals("the last step must send 100% to the new version, not 50%", assertThrows(IllegalArgumentException.class,
        () -> CanaryRollout.of("a/b").stable("v1").canary("v2").steps(10, 50).build()).getMessage());
    assertEquals("step weight 0 is outside 1..100", assertThrows(IllegalArgumentException.class,
        () -> CanaryRollout.of("a/b").stable("v1").canary("v2").steps(0, 100).build()).getMessage());
    assertEquals("stable and canary are the same subset 'v1'", assertThrows(IllegalArgumentException.class,
        () -> CanaryRollout.of("a/b").stable("v1").canary("v1").build()).getMessage());
    assertEquals("canary subset 'V2' is not a valid name (lower-case letters, digits and '-', at most 63,"
        + " starting and ending alphanumeric)", assertThrows(IllegalArgumentException.class,
        () -> CanaryRollout.of("a/b").stable("v1").canary("V2").build()).getMessage());
    assertEquals("service 'reviews' must be namespace/name", assertThrows(IllegalArgumentException.class,
        () -> CanaryRollout.of("reviews")).getMessage());
  }

  @Test
  void aCanaryWithoutStableOrCanaryDoesNotCompile() {
    assertTrue(compileErrors("CanaryRollout.of(\"a/b\").build()").contains("cannot find symbol"));
    assertTrue(compileErrors("CanaryRollout.of(\"a/b\").stable(\"v1\").build()").contains("cannot find symbol"));
    assertTrue(compileErrors("CanaryRollout.of(\"a/b\").canary(\"v2\")").contains("cannot find symbol"));
    assertEquals("", compileErrors("CanaryRollout.of(\"a/b\").stable(\"v1\").canary(\"v2\").build()"));
  }

  /** Compiles {@code expression} in a method body; returns javac's errors, empty when it compiles. */
  private static String compileErrors(String expression) {
    String source = "import dev.sailplan.istio.rollout.CanaryRollout;\n"
        + "class Snippet { Object x() { return " + expression + "; } }\n";
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    javac.getTask(out, null, null, List.of("-proc:none", "-d", System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path")), null, List.of(file)).call();
    return out.toString();
  }
}
