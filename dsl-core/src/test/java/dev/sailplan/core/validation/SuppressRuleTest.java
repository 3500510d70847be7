package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SuppressRuleTest {
  private static Finding finding(String code, String origin) {
    return new Finding(code, "", Level.WARNING, origin, "mesh.yaml", 3, "", "", "m");
  }

  @Test
  void matchesItsCodeOnResourcesTheGlobMatches() {
    SuppressRule rule = SuppressRule.parse("SP1005=VirtualService legacy/*");
    assertEquals(new SuppressRule("SP1005", "VirtualService legacy/*"), rule);
    assertTrue(rule.matches(finding("SP1005", "VirtualService legacy/reviews")));
    assertFalse(rule.matches(finding("SP1005", "VirtualService bookinfo/reviews")));
    assertFalse(rule.matches(finding("SP1006", "VirtualService legacy/reviews")));
  }

  @Test
  void questionMarkIsOneCharacterAndEverythingElseIsLiteral() {
    SuppressRule rule = SuppressRule.parse("SP2004=AuthorizationPolicy a.?/p");
    assertTrue(rule.matches(finding("SP2004", "AuthorizationPolicy a.b/p")));
    assertFalse(rule.matches(finding("SP2004", "AuthorizationPolicy axb/p")));
    assertFalse(rule.matches(finding("SP2004", "AuthorizationPolicy a.bc/p")));
  }

  @Test
  void textWithoutCodeAndGlobIsRefusedSayingTheSyntax() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SuppressRule.parse("SP1005"));
    assertEquals(
        "'SP1005' must be CODE=RESOURCE-GLOB, e.g. 'SP0107=HTTPRoute default/*'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SuppressRule.parse("IST0101=*"));
  }
}
