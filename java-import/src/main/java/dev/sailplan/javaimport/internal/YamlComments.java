package dev.sailplan.javaimport.internal;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the comments of a YAML stream, which the model does not keep: one {@link Comments} per
 * object, in the order the parser returns the objects (documents, and the items of a {@code kind:
 * List}).
 */
public final class YamlComments {
  private YamlComments() {}

  /**
   * The comments of each object of {@code yaml}; an empty list when the text cannot be read this
   * way (the caller then keeps no comments rather than misplace them).
   */
  public static List<Comments> read(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    options.setCodePointLimit(Integer.MAX_VALUE);
    List<Comments> out = new ArrayList<>();
    try {
      for (Node document : new Yaml(options).composeAll(new java.io.StringReader(yaml))) {
        if (document instanceof MappingNode m && isList(m)) {
          for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k
                && k.getValue().equals("items")
                && t.getValueNode() instanceof SequenceNode items) {
              for (Node item : items.getValue()) {
                out.add(of(item));
              }
            }
          }
        } else if (document instanceof MappingNode) {
          out.add(of(document));
        }
      }
    } catch (RuntimeException e) {
      // The library's parser has the last word on the text and its problems; comments are extra.
      return List.of();
    }
    return out;
  }

  private static boolean isList(MappingNode m) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k
          && k.getValue().equals("kind")
          && t.getValueNode() instanceof ScalarNode v
          && v.getValue().equals("List")) {
        return true;
      }
    }
    return false;
  }

  private static Comments of(Node root) {
    Comments c = new Comments();
    walk(root, List.of(), false, c);
    return c;
  }

  /**
   * Collects the comments of {@code node} and below.
   *
   * @param item whether the node is an item of a sequence: a comment above {@code - key:} is about
   *     the item, though the parser attaches it to the first key
   */
  private static void walk(Node node, List<String> path, boolean item, Comments into) {
    collect(node.getBlockComments(), path, into);
    collect(node.getInLineComments(), path, into);
    if (node instanceof MappingNode m) {
      boolean first = true;
      for (NodeTuple t : m.getValue()) {
        Node key = t.getKeyNode();
        List<String> at = append(path, key instanceof ScalarNode s ? s.getValue() : "?");
        collect(key.getBlockComments(), item && first ? path : at, into);
        collect(key.getInLineComments(), at, into);
        walk(t.getValueNode(), at, false, into);
        first = false;
      }
    } else if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), append(path, Integer.toString(i)), true, into);
      }
    }
    collect(node.getEndComments(), path, into);
  }

  private static List<String> append(List<String> path, String step) {
    List<String> out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  private static void collect(List<CommentLine> lines, List<String> path, Comments into) {
    if (lines == null) {
      return;
    }
    for (CommentLine l : lines) {
      if (l.getCommentType() != CommentType.BLANK_LINE) {
        String text = l.getValue();
        into.add(l.getStartMark().getLine(), path, text.startsWith(" ") ? text.substring(1) : text);
      }
    }
  }
}
