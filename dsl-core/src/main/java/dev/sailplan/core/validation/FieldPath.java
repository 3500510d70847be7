package dev.sailplan.core.validation;

/**
 * Where in an object a finding is, e.g. {@code spec.http[0].route[1].weight} or {@code
 * metadata.labels[app]}: an immutable chain that costs one small object per step and is only turned
 * into text when a finding is reported.
 *
 * <p>{@code FieldPath.root().field("spec").field("hosts").index(0)} prints {@code spec.hosts[0]}.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(null, null, -1, null);

  private final FieldPath parent;
  private final String field;
  private final int index;
  private final String key;

  private FieldPath(FieldPath parent, String field, int index, String key) {
    this.parent = parent;
    this.field = field;
    this.index = index;
    this.key = key;
  }

  /** The whole object. */
  public static FieldPath root() {
    return ROOT;
  }

  /** The property {@code name} of the object at this path. */
  public FieldPath field(String name) {
    return new FieldPath(this, name, -1, null);
  }

  /** Item {@code i} of the list at this path. */
  public FieldPath index(int i) {
    return new FieldPath(this, null, i, null);
  }

  /** The value under {@code k} of the map at this path, printed {@code [k]}. */
  public FieldPath key(String k) {
    return new FieldPath(this, null, -1, k);
  }

  /** Whether this is the whole object. */
  public boolean isRoot() {
    return parent == null;
  }

  /**
   * The steps from the root: a {@link String} for a field or map key, an {@link Integer} for a list
   * index.
   */
  java.util.List<Object> steps() {
    java.util.ArrayDeque<Object> out = new java.util.ArrayDeque<>();
    for (FieldPath p = this; p.parent != null; p = p.parent) {
      out.push(p.field != null ? p.field : p.key != null ? p.key : (Object) p.index);
    }
    return java.util.List.copyOf(out);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    append(b);
    return b.toString();
  }

  private void append(StringBuilder b) {
    if (parent == null) {
      return;
    }
    parent.append(b);
    if (field != null) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(field);
    } else if (key != null) {
      b.append('[').append(key).append(']');
    } else {
      b.append('[').append(index).append(']');
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath p && p.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
