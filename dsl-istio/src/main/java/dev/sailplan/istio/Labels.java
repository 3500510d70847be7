package dev.sailplan.istio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Label pairs as an ordered, unmodifiable map. */
final class Labels {
  private Labels() {}

  static Map<String, String> of(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "labels come in key, value pairs; got " + pairs.length + " strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.put(pairs[i], pairs[i + 1]) != null) {
        throw new IllegalArgumentException("label " + pairs[i] + " given twice");
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
