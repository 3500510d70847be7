package dev.sailplan.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {
  private static String rejectedKey(String key) {
    return assertThrows(
            IllegalArgumentException.class, () -> ResourceNames.labelKey("version label", key))
        .getMessage();
  }

  @Test
  void labelKeysWithAndWithoutPrefixAreAccepted() {
    for (String key :
        new String[] {
          "version",
          "app.kubernetes.io/version",
          "istio.io/rev",
          "a",
          "App_Version.2",
          "example.com/Upper-Case_name",
          "x".repeat(63),
          "a".repeat(253) + "/name",
          "my-domain." + "b".repeat(100) + ".io/key"
        }) {
      assertEquals(key, ResourceNames.labelKey("version label", key));
    }
  }

  @Test
  void labelKeysAreRejectedNamingWhatTheyAre() {
    assertEquals("version label 'my label' is not a valid label key", rejectedKey("my label"));
    assertEquals("version label 'null' is not a valid label key", rejectedKey(null));
    for (String key :
        new String[] {
          "",
          "Example.com/version",
          "-version",
          "version-",
          "_v",
          "x".repeat(64),
          "a".repeat(254) + "/name",
          "/version",
          "example.com/",
          "a/b/c",
          "example..com/version",
          "example.com-/version",
          "ex ample.com/v"
        }) {
      assertEquals("version label '" + key + "' is not a valid label key", rejectedKey(key));
    }
  }
}
