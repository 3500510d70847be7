package dev.sailplan.core.internal.meta;

import java.util.List;

/**
 * The DNS name and qualified name rules of Kubernetes' {@code validation} package, with its
 * messages. Plain character loops: names are checked for every object, and only ASCII passes.
 */
public final class Dns {
  static final String SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String LABEL_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String LABEL_1035_MESSAGE =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  static final String QUALIFIED_NAME_MESSAGE =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  static final String QUALIFIED_NAME_SLASHES_MESSAGE =
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start"
          + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
          + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  static final String LABEL_VALUE_MESSAGE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  private Dns() {}

  /** {@code IsDNS1123Subdomain}. */
  public static void subdomain(String s, List<String> out) {
    if (utf8Length(s) > 253) {
      out.add(maxLength(253));
    }
    if (!isSubdomain(s)) {
      out.add(SUBDOMAIN_MESSAGE);
    }
  }

  /** {@code IsDNS1123Label}. */
  public static void label(String s, List<String> out) {
    if (utf8Length(s) > 63) {
      out.add(maxLength(63));
    }
    if (!isLabel(s, 0, s.length())) {
      out.add(LABEL_MESSAGE);
    }
  }

  /** {@code IsDNS1035Label}. */
  static void label1035(String s, List<String> out) {
    if (utf8Length(s) > 63) {
      out.add(maxLength(63));
    }
    if (!isLabel(s, 0, s.length()) || !isLower(s.charAt(0))) {
      out.add(LABEL_1035_MESSAGE);
    }
  }

  /** {@code IsQualifiedName}: label keys, annotation keys, finalizers. */
  public static void qualifiedName(String s, List<String> out) {
    int slash = s.indexOf('/');
    String name = s;
    if (slash >= 0) {
      if (s.indexOf('/', slash + 1) >= 0) {
        out.add(QUALIFIED_NAME_SLASHES_MESSAGE);
        return;
      }
      String prefix = s.substring(0, slash);
      name = s.substring(slash + 1);
      if (prefix.isEmpty()) {
        out.add("prefix part must be non-empty");
      } else {
        int before = out.size();
        subdomain(prefix, out);
        for (int i = before; i < out.size(); i++) {
          out.set(i, "prefix part " + out.get(i));
        }
      }
    }
    if (name.isEmpty()) {
      out.add("name part must be non-empty");
      return;
    }
    if (utf8Length(name) > 63) {
      out.add("name part " + maxLength(63));
    }
    if (!isQualifiedPart(name)) {
      out.add(QUALIFIED_NAME_MESSAGE);
    }
  }

  /** {@code IsValidLabelValue}. */
  public static void labelValue(String s, List<String> out) {
    if (utf8Length(s) > 63) {
      out.add(maxLength(63));
    }
    if (!s.isEmpty() && !isQualifiedPart(s)) {
      out.add(LABEL_VALUE_MESSAGE);
    }
  }

  /** The length Go's {@code len} gives: UTF-8 bytes. */
  static int utf8Length(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // Two bytes up to U+07FF, three for the rest of the BMP, four for a surrogate pair.
        n += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return n;
  }

  static String maxLength(int n) {
    return "must be no more than " + n + " characters";
  }

  private static boolean isSubdomain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isLabel(s, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code s[from, to)}. */
  private static boolean isLabel(String s, int from, int to) {
    if (from >= to || !isLowerAlnum(s.charAt(from)) || !isLowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && !isLowerAlnum(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
  private static boolean isQualifiedPart(String s) {
    if (!isAlnum(s.charAt(0)) || !isAlnum(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && c != '_' && c != '.' && !isAlnum(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLowerAlnum(char c) {
    return isLower(c) || (c >= '0' && c <= '9');
  }

  private static boolean isAlnum(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }
}
