package dev.sailplan.core.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;

/** JSON values compared as the server compares them: 1, 1L and 1.0 are one number. */
final class Values {
  private Values() {}

  /** A value whose {@code equals} ignores how a number was written; containers as they are. */
  static JsonNode canonical(JsonNode v) {
    if (v.isNumber()) {
      double d = v.asDouble();
      return d == Math.rint(d) && Math.abs(d) < 9.0e15
          ? LongNode.valueOf((long) d)
          : DoubleNode.valueOf(d);
    }
    return v;
  }
}
