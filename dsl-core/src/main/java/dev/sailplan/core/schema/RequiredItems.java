package dev.sailplan.core.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The check behind required lists and maps whose schema demands at least one item ({@code minItems:
 * 1}): generated types call it from their {@code @Value.Check}, so an empty one is as missing as an
 * unset required field.
 */
public final class RequiredItems {
  private RequiredItems() {}

  /**
   * Fails when any of the named lists or maps is empty.
   *
   * @param type the type's name, for the message
   * @param namesAndValues alternating JSON name ({@code String}) and list or map
   * @throws IllegalStateException naming every empty one, worded like a missing required field
   */
  public static void check(String type, Object... namesAndValues) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object v = namesAndValues[i + 1];
      boolean empty = v instanceof Collection<?> c ? c.isEmpty() : ((Map<?, ?>) v).isEmpty();
      if (empty) {
        missing.add((String) namesAndValues[i]);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Cannot build " + type + ", some of required attributes are not set " + missing);
    }
  }
}
