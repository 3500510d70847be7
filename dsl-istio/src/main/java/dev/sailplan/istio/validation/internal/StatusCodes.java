package dev.sailplan.istio.validation.internal;

/** The HTTP status codes Go's {@code net/http} names, which istiod accepts in {@code retryOn}. */
final class StatusCodes {
  private static final int[][] RANGES = {
    {100, 103},
    {200, 208},
    {226, 226},
    {300, 305},
    {307, 308},
    {400, 418},
    {421, 426},
    {428, 429},
    {431, 431},
    {451, 451},
    {500, 508},
    {510, 511}
  };

  private StatusCodes() {}

  static boolean isKnown(String text) {
    int code;
    try {
      code = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return false;
    }
    for (int[] r : RANGES) {
      if (code >= r[0] && code <= r[1]) {
        return true;
      }
    }
    return false;
  }
}
