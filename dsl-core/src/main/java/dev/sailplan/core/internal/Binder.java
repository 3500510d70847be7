package dev.sailplan.core.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binds a document's tree to its type and reports every problem, not only the first: Jackson stops
 * at the first failure, so the failing node is removed from a copy of the tree and the copy bound
 * again, until it binds. A valid document pays nothing extra; one with {@code k} problems is bound
 * {@code k + 1} times (at most {@link #MAX_PROBLEMS} problems are reported per document).
 */
public final class Binder {
  /** More problems than this in one document are not looked for. */
  public static final int MAX_PROBLEMS = 50;

  private Binder() {}

  /**
   * One problem of a document.
   *
   * @param path where, as Jackson references into the document as written (list indices are those
   *     of the input, whatever was removed before)
   * @param message what is wrong, one line
   */
  public record Failure(List<JsonMappingException.Reference> path, String message) {
    /** The path as problems write it, e.g. {@code spec.ports[0].port}. */
    public String pathText() {
      return Problems.path(path);
    }
  }

  /**
   * The outcome: the value, or the problems.
   *
   * @param value the bound value, null when there are failures
   * @param failures every problem found, in the order Jackson met them
   */
  public record Result<T>(T value, List<Failure> failures) {}

  /** Binds {@code tree} to {@code type}; {@code tree} is not changed. */
  public static <T> Result<T> bind(JsonNode tree, Class<T> type) {
    JsonMappingException failure;
    try {
      return new Result<>(Mappers.yaml().treeToValue(tree, type), List.of());
    } catch (JsonMappingException e) {
      failure = e;
    } catch (IOException e) {
      return new Result<>(null, List.of(new Failure(List.of(), String.valueOf(e.getMessage()))));
    }
    JsonNode copy = tree.deepCopy();
    IdentityHashMap<JsonNode, List<Integer>> removedItems = new IdentityHashMap<>();
    Set<String> removed = new HashSet<>();
    List<Failure> out = new ArrayList<>();
    while (failure != null) {
      List<JsonMappingException.Reference> path = original(copy, failure.getPath(), removedItems);
      String message = Problems.message(failure);
      if (!consequence(path, message, removed)) {
        out.add(new Failure(path, message));
      }
      if (out.size() >= MAX_PROBLEMS || !remove(copy, failure.getPath(), removedItems)) {
        break;
      }
      removed.add(key(path));
      failure = null;
      try {
        Mappers.yaml().treeToValue(copy, type);
      } catch (JsonMappingException e) {
        failure = e;
      } catch (IOException e) {
        break;
      }
    }
    if (out.isEmpty()) {
      // Only consequences were seen, which cannot be: keep the first failure rather than nothing.
      out.add(new Failure(List.of(), "invalid document"));
    }
    return new Result<>(null, List.copyOf(out));
  }

  /**
   * A missing required field that is only missing because an earlier problem removed it (a field of
   * the wrong type) is not a problem of its own.
   */
  private static boolean consequence(
      List<JsonMappingException.Reference> path, String message, Set<String> removed) {
    String prefix =
        message.startsWith("missing required fields ") ? "missing required fields " : "";
    prefix = message.startsWith("missing required field ") ? "missing required field " : prefix;
    if (prefix.isEmpty() || removed.isEmpty()) {
      return false;
    }
    for (String field : List.of(message.substring(prefix.length()).split(", ", -1))) {
      List<JsonMappingException.Reference> at = new ArrayList<>(path);
      at.add(new JsonMappingException.Reference(null, field));
      if (!removed.contains(key(at))) {
        return false;
      }
    }
    return true;
  }

  /** The path with the indices of the input, given one into the copy that had items removed. */
  private static List<JsonMappingException.Reference> original(
      JsonNode copy,
      List<JsonMappingException.Reference> path,
      IdentityHashMap<JsonNode, List<Integer>> removedItems) {
    List<JsonMappingException.Reference> out = new ArrayList<>(path.size());
    JsonNode at = copy;
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        out.add(new JsonMappingException.Reference(null, r.getFieldName()));
        at = at == null ? null : at.get(r.getFieldName());
      } else {
        int index = r.getIndex();
        List<Integer> gone = at == null ? null : removedItems.get(at);
        int original = index;
        if (gone != null) {
          for (int g : gone) { // ascending
            original += g <= original ? 1 : 0;
          }
        }
        out.add(new JsonMappingException.Reference(null, original));
        at = at == null || index < 0 ? null : at.get(index);
      }
    }
    return out;
  }

  /** Removes the node at {@code path} from the copy; false when there is none to remove. */
  private static boolean remove(
      JsonNode copy,
      List<JsonMappingException.Reference> path,
      IdentityHashMap<JsonNode, List<Integer>> removedItems) {
    if (path.isEmpty()) {
      return false;
    }
    JsonNode parent = copy;
    for (JsonMappingException.Reference r : path.subList(0, path.size() - 1)) {
      parent =
          r.getFieldName() != null
              ? parent.get(r.getFieldName())
              : r.getIndex() >= 0 ? parent.get(r.getIndex()) : null;
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    if (last.getFieldName() != null && parent instanceof ObjectNode o) {
      return o.remove(last.getFieldName()) != null;
    }
    if (last.getFieldName() == null
        && parent instanceof ArrayNode a
        && last.getIndex() >= 0
        && last.getIndex() < a.size()) {
      List<Integer> gone = removedItems.computeIfAbsent(a, k -> new ArrayList<>());
      int original = last.getIndex();
      for (int g : gone) {
        original += g <= original ? 1 : 0;
      }
      a.remove(last.getIndex());
      gone.add(original);
      gone.sort(null);
      return true;
    }
    return false;
  }

  private static String key(List<JsonMappingException.Reference> path) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      b.append('/').append(r.getFieldName() != null ? "." + r.getFieldName() : r.getIndex());
    }
    return b.toString();
  }
}
