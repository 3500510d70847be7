package dev.sailplan.core.plan;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** File-name labels of stages: the kinds changed, e.g. {@code destinationrules}. */
final class Labels {
  private Labels() {}

  /** The label of a stage of these changes, e.g. {@code delete-virtualservices}. */
  static String of(List<Change> changes) {
    TreeSet<String> kinds = new TreeSet<>();
    boolean allDeletes = true;
    for (Change c : changes) {
      kinds.add(plural(c.key().kind().toLowerCase(Locale.ROOT)));
      allDeletes &= c.isDelete();
    }
    String label = kinds.size() <= 2 ? String.join("-", kinds) : "resources";
    return allDeletes ? "delete-" + label : label;
  }

  private static String plural(String word) {
    boolean consonantY =
        word.endsWith("y")
            && word.length() > 1
            && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0;
    if (consonantY) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word.endsWith("s") ? word + "es" : word + "s";
  }
}
