package dev.sailplan.core.schema;

import java.util.ArrayList;
import java.util.List;

/** The check behind {@link OneOf}: generated types call it from their {@code @Value.Check}. */
public final class OneOfs {
  private OneOfs() {}

  /**
   * Fails when more than one member of a oneOf group is set.
   *
   * @param type the type's name, for the message
   * @param namesAndPresence alternating JSON name ({@code String}) and whether it is set ({@code
   *     Boolean})
   * @throws IllegalStateException naming the members that are set together
   */
  public static void atMostOne(String type, Object... namesAndPresence) {
    List<String> set = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int i = 0; i + 1 < namesAndPresence.length; i += 2) {
      String name = (String) namesAndPresence[i];
      all.add(name);
      if ((Boolean) namesAndPresence[i + 1]) {
        set.add(name);
      }
    }
    if (set.size() > 1) {
      throw new IllegalStateException(
          type
              + ": at most one of "
              + String.join(", ", all)
              + " may be set, but "
              + String.join(" and ", set)
              + " are");
    }
  }
}
