package dev.sailplan.javaimport.internal;

import dev.sailplan.core.meta.Resource;
import java.util.HashSet;
import java.util.Set;

/**
 * One method name per resource, from its name and kind ({@code reviewsVirtualService}), unique in
 * the class: the namespace is put first when two resources share name and kind, a number last when
 * that is not enough.
 */
public final class MethodNames {
  private final Set<String> used = new HashSet<>(Set.of("manifests", "json"));

  /** A new name for {@code r}'s method. */
  public String next(Resource r) {
    String name = r.metadata().name().orElse(r.metadata().generateName().orElse(""));
    String base = camel(name, false) + camel(r.kind(), true);
    if (!Character.isJavaIdentifierStart(base.charAt(0))) {
      base = "the" + camel(base, true);
    }
    String candidate = base;
    if (used.contains(candidate) && r.metadata().namespace().isPresent()) {
      candidate = camel(r.metadata().namespace().get(), false) + camel(base, true);
    }
    String unique = candidate;
    for (int i = 2; used.contains(unique); i++) {
      unique = candidate + i;
    }
    used.add(unique);
    return unique;
  }

  /** {@code reviews-v1.api} as {@code reviewsV1Api} (or {@code ReviewsV1Api}). */
  static String camel(String text, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upper = upperFirst;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        if (upper) {
          out.append(Character.toUpperCase(c));
        } else {
          out.append(out.length() == 0 ? Character.toLowerCase(c) : c);
        }
        upper = false;
      } else {
        upper = out.length() > 0 || upperFirst;
      }
    }
    if (out.length() == 0) {
      return upperFirst ? "Unnamed" : "unnamed";
    }
    return out.toString();
  }
}
