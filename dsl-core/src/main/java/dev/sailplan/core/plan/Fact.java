package dev.sailplan.core.plan;

import java.util.Objects;

/**
 * Something one resource provides and another relies on, e.g. {@code subset
 * reviews.bookinfo.svc.cluster.local/v2} provided by a DestinationRule and required by a
 * VirtualService that routes to it.
 *
 * @param type what sort of fact, e.g. {@code subset}, {@code gateway}, {@code service}
 * @param subject what it is about, e.g. {@code reviews.bookinfo.svc.cluster.local/v2}
 */
public record Fact(String type, String subject) implements Comparable<Fact> {
  /** Checks the parts. */
  public Fact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
  }

  /**
   * Whether this provided fact satisfies {@code required}: the same fact, or a wildcard ({@code
   * subject} ending in {@code *}) over it, as a ReferenceGrant without a name grants every Service
   * of its namespace.
   */
  public boolean covers(Fact required) {
    if (!type.equals(required.type)) {
      return false;
    }
    if (subject.endsWith("*")) {
      return required.subject.startsWith(subject.substring(0, subject.length() - 1));
    }
    return subject.equals(required.subject);
  }

  /** {@code type subject}, as used in reasons. */
  @Override
  public String toString() {
    return type + " " + subject;
  }

  @Override
  public int compareTo(Fact o) {
    int c = type.compareTo(o.type);
    return c != 0 ? c : subject.compareTo(o.subject);
  }
}
