package dev.sailplan.istio.validation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.security.v1.JWTRule;
import dev.sailplan.istio.security.v1.RequestAuthentication;

/** What istiod's {@code ValidateRequestAuthentication} rejects. */
public final class RequestAuthenticationRules {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestAuthenticationRules() {}

  /** Checks {@code authentication}. */
  public static void check(RequestAuthentication authentication, Rejections out) {
    if (authentication.spec().isEmpty()) {
      return;
    }
    FieldPath path = FieldPath.root().field("spec").field("jwtRules");
    for (int i = 0; i < authentication.spec().get().jwtRules().size(); i++) {
      JWTRule rule = authentication.spec().get().jwtRules().get(i);
      FieldPath at = path.index(i);
      boolean uri = rule.jwksUri().isPresent() || rule.jwksUriSnakeCase().isPresent();
      if (rule.issuer().orElse("").isEmpty() && !uri) {
        out.add("SP0434", at, "issuer or jwksUri must be non-empty string");
      }
      rule.jwks().ifPresent(jwks -> out.addIfAny("SP0435", at.field("jwks"), jwks(jwks)));
    }
  }

  /** Null when {@code text} is a JSON Web Key or key set, else why not. */
  private static String jwks(String text) {
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return "jwks parse error: not valid JSON";
    }
    if (tree == null || !tree.isObject()) {
      return "jwks parse error: not a JSON object";
    }
    JsonNode keys = tree.has("keys") ? tree.get("keys") : null;
    if (keys == null) {
      return tree.hasNonNull("kty") ? null : "jwks parse error: a key without \"kty\"";
    }
    if (!keys.isArray()) {
      return "jwks parse error: \"keys\" is not a list";
    }
    for (JsonNode key : keys) {
      if (!key.isObject() || !key.hasNonNull("kty")) {
        return "jwks parse error: a key without \"kty\"";
      }
    }
    return null;
  }
}
