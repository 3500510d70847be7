package dev.sailplan.gatewayapi.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.gatewayapi.internal.schema.GatewayApiSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every kind's generated schema compiles, patterns included, and knows its required fields. */
class GatewayApiSchemasTest {

  @Test
  void anEmptySpecOfEveryKindLacksItsRequiredFields() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, TreeValidator> e : new TreeMap<>(GatewayApiSchemas.all()).entrySet()) {
      String kind = e.getKey().substring(e.getKey().indexOf('/') + 1);
      e.getValue()
          .validate(
              json.readTree(
                  "{\"apiVersion\": \"gateway.networking.k8s.io/v1\", \"kind\": \""
                      + kind
                      + "\", \"metadata\": {\"name\": \"x\"}, \"spec\": {}}"),
              null,
              (code, istio, level, path, reason, message) ->
                  found.add(kind + " " + code + " " + path + ": " + message));
    }
    assertEquals(
        List.of(
            "BackendTLSPolicy SP0101 spec.targetRefs: Required value",
            "BackendTLSPolicy SP0101 spec.validation: Required value",
            "Gateway SP0101 spec.gatewayClassName: Required value",
            "Gateway SP0101 spec.listeners: Required value",
            "GatewayClass SP0101 spec.controllerName: Required value",
            "ListenerSet SP0101 spec.listeners: Required value",
            "ListenerSet SP0101 spec.parentRef: Required value",
            "ReferenceGrant SP0101 spec.from: Required value",
            "ReferenceGrant SP0101 spec.to: Required value",
            "TCPRoute SP0101 spec.rules: Required value",
            "TLSRoute SP0101 spec.hostnames: Required value",
            "TLSRoute SP0101 spec.rules: Required value",
            "UDPRoute SP0101 spec.rules: Required value"),
        found);
    // All ten kinds of the standard channel were checked; HTTPRoute and GRPCRoute require no field.
    assertEquals(10, GatewayApiSchemas.all().size());
  }
}
