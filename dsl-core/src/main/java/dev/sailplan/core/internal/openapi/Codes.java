package dev.sailplan.core.internal.openapi;

/** The codes of schema findings, as documented in {@code docs/validation.md}. */
final class Codes {
  /** A value of the wrong JSON type, or an unknown field: CEL rules are skipped after it. */
  static final String TYPE = "SP0006";

  static final String REQUIRED = "SP0101";
  static final String ENUM = "SP0102";
  static final String RANGE = "SP0103";
  static final String LENGTH = "SP0104";
  static final String ITEMS = "SP0105";
  static final String PROPERTIES = "SP0106";
  static final String PATTERN = "SP0107";
  static final String FORMAT = "SP0108";
  static final String DUPLICATE = "SP0109";
  static final String NULL = "SP0110";
  static final String INT_OR_STRING = "SP0111";
  static final String COMPOSITION = "SP0112";

  private Codes() {}
}
