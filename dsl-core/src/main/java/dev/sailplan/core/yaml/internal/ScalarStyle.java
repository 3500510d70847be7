package dev.sailplan.core.yaml.internal;

/** The ways a string scalar can be written. */
enum ScalarStyle {
  /** Unquoted. */
  PLAIN,
  /** Double-quoted on one line, with escapes. */
  DOUBLE_QUOTED,
  /** Literal block {@code |}: keeps the single final line break. */
  LITERAL_CLIP,
  /** Literal block {@code |-}: the string has no final line break. */
  LITERAL_STRIP;

  /** The style for a mapping key: never a block scalar, so a key stays on its line. */
  static ScalarStyle forKey(String s) {
    return PlainScalars.isPlainSafe(s) ? PLAIN : DOUBLE_QUOTED;
  }

  /** The style for a value. */
  static ScalarStyle forValue(String s) {
    if (PlainScalars.isPlainSafe(s)) {
      return PLAIN;
    }
    if (LiteralBlocks.fits(s)) {
      return s.endsWith("\n") ? LITERAL_CLIP : LITERAL_STRIP;
    }
    return DOUBLE_QUOTED;
  }
}
