package dev.sailplan.codegen.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamingStrategyTest {
  private final NamingStrategy naming = new NamingStrategy();

  @Test
  void typeNamesKeepAcronymsAndSingularizeArrayItems() {
    assertEquals("HTTPRoute", naming.typeName("httpRoute", false));
    assertEquals("Rule", naming.typeName("rules", true));
    assertEquals("Match", naming.typeName("matches", true));
    assertEquals("Policy", naming.typeName("policies", true));
    assertEquals("Address", naming.typeName("addresses", true));
    assertEquals("TLS", naming.typeName("tls", true));
    assertEquals("Status", naming.typeName("status", true));
    assertEquals("TCPKeepalive", naming.typeName("tcpKeepalive", false));
    assertEquals("JWKSURI", naming.typeName("jwks_uri", false));
  }

  @Test
  void enumConstantsAreUpperSnakeCase() {
    assertEquals("ISTIO_MUTUAL", naming.enumConstant("ISTIO_MUTUAL"));
    assertEquals("PATH_PREFIX", naming.enumConstant("PathPrefix"));
    assertEquals("HTTP_ROUTE", naming.enumConstant("HTTPRoute"));
    assertEquals("URL_REWRITE", naming.enumConstant("URLRewrite"));
    assertEquals("WILDCARD", naming.enumConstant("*"));
    assertEquals("_301", naming.enumConstant("301"));
    assertEquals("EMPTY", naming.enumConstant(""));
  }

  @Test
  void accessorsKeepJsonNamesUnlessJavaForbidsThem() {
    assertEquals("perTryTimeout", naming.accessorName("perTryTimeout"));
    assertEquals("default_", naming.accessorName("default"));
    assertEquals("hashCode_", naming.accessorName("hashCode"));
    assertEquals("xForwardedFor", naming.accessorName("x-forwarded-for"));
    assertEquals(
        List.of("jwksUriSnakeCase", "jwksUri", "mirror_percent"),
        naming.accessorNames(List.of("jwks_uri", "jwksUri", "mirror_percent")));
  }
}
