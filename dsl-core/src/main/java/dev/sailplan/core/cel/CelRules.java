package dev.sailplan.core.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.internal.Mappers;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.TreeValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code x-kubernetes-validations} rules of one kind, evaluated as the API server does: after
 * the schema's defaults are applied, each rule at every instance of its schema node that the object
 * has (each item of a list, each value of a map), absent optional fields not at all; a transition
 * rule (one that reads {@code oldSelf}) only when the object replaces an older version that has the
 * node too.
 *
 * <p>Findings: {@code SP0301} a rule is false, {@code SP0302} a transition rule is false, {@code
 * SP0303} a rule could not be evaluated (the API server rejects the object then too).
 *
 * <p>Codegen writes the tables: {@code CelRules.builder(MyRules::eval).rule("spec.ports", 3, "port
 * number cannot be duplicated").build()}.
 */
public final class CelRules implements TreeValidator {
  /** Code of a rule that is false. */
  public static final String FAILED = "SP0301";

  /** Code of a transition rule that is false. */
  public static final String TRANSITION_FAILED = "SP0302";

  /** Code of a rule that could not be evaluated. */
  public static final String NOT_EVALUATED = "SP0303";

  /** The API server's reason when a rule names none. */
  public static final String DEFAULT_REASON = "FieldValueInvalid";

  /** The compiled rules of a module, by number. */
  @FunctionalInterface
  public interface Rules {
    /**
     * Evaluates rule {@code rule}.
     *
     * @param rule its number in the generated class
     * @param self the value at the rule's node
     * @param oldSelf the value at the node in the older version, or null
     * @return its value: a {@link Boolean} for a rule, a {@link String} for a message expression
     * @throws CelError when it cannot be evaluated
     */
    Object eval(int rule, Object self, Object oldSelf);
  }

  private final Rules rules;
  private final List<Site> sites;
  private final List<Default> defaults;
  private final List<String> maps;

  private CelRules(Builder b) {
    this.rules = b.rules;
    this.sites = List.copyOf(b.sites);
    this.defaults = List.copyOf(b.defaults);
    this.maps = List.copyOf(b.maps);
  }

  /**
   * Where one rule is evaluated.
   *
   * @param path the schema node, e.g. {@code spec.ports[]} ({@code []} list items, {@code {}} map
   *     values)
   * @param rule the rule's number in the generated class
   * @param transition whether it reads {@code oldSelf}
   * @param message the message of its finding
   */
  public record SiteInfo(String path, int rule, boolean transition, String message) {}

  /** Every rule site, in evaluation order. */
  public List<SiteInfo> sites() {
    return sites.stream().map(s -> new SiteInfo(s.path, s.rule, s.transition, s.message)).toList();
  }

  /**
   * The schema nodes below rule sites that are maps (their keys are data, not field names), in the
   * notation of {@link SiteInfo#path()}.
   */
  public List<String> maps() {
    return maps;
  }

  /** A builder of the rules of one kind, evaluated by {@code rules}. */
  public static Builder builder(Rules rules) {
    return new Builder(rules);
  }

  /** The number of rule sites (a rule at one schema node). */
  public int size() {
    return sites.size();
  }

  @Override
  public void validate(JsonNode object, JsonNode old, Report report) {
    JsonNode self = withDefaults(object);
    JsonNode before = old == null ? null : withDefaults(old);
    for (Site site : sites) {
      walk(site, 0, self, before, FieldPath.root(), report);
    }
  }

  /** A copy of {@code object} with the schema's defaults the rules see, or itself without any. */
  public JsonNode withDefaults(JsonNode object) {
    if (defaults.isEmpty() || !object.isObject()) {
      return object;
    }
    JsonNode copy = object.deepCopy();
    for (Default d : defaults) {
      applyDefault(d, 0, copy);
    }
    return copy;
  }

  private static void applyDefault(Default d, int step, JsonNode node) {
    String s = d.steps[step];
    if (step == d.steps.length - 1) {
      if (node instanceof ObjectNode o) {
        JsonNode v = o.get(s);
        if (v == null || v.isNull()) {
          o.set(s, d.value().deepCopy());
        }
      }
      return;
    }
    for (JsonNode child : children(s, node)) {
      applyDefault(d, step + 1, child);
    }
  }

  private static Iterable<JsonNode> children(String step, JsonNode node) {
    if (step.equals("[]")) {
      return node.isArray() ? node : List.of();
    }
    if (step.equals("{}")) {
      return node.isObject() ? node : List.of();
    }
    JsonNode v = node.isObject() ? node.get(step) : null;
    return v == null || v.isNull() ? List.of() : List.of(v);
  }

  private void walk(Site site, int step, JsonNode node, JsonNode old, FieldPath path, Report r) {
    if (step == site.steps.length) {
      evaluate(site, node, old, path, r);
      return;
    }
    String s = site.steps[step];
    if (s.equals("[]")) {
      if (node.isArray()) {
        // Only lists of type map correlate items with the older version: none are correlated.
        for (int i = 0; i < node.size(); i++) {
          walk(site, step + 1, node.get(i), null, path.index(i), r);
        }
      }
    } else if (s.equals("{}")) {
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          JsonNode before = old != null && old.isObject() ? old.get(e.getKey()) : null;
          walk(site, step + 1, e.getValue(), before, path.key(e.getKey()), r);
        }
      }
    } else if (node.isObject()) {
      JsonNode v = node.get(s);
      if (v != null && !v.isNull()) {
        JsonNode before = old != null && old.isObject() ? old.get(s) : null;
        walk(site, step + 1, v, before, path.field(s), r);
      }
    }
  }

  private void evaluate(Site site, JsonNode node, JsonNode old, FieldPath path, Report r) {
    if (site.transition && (old == null || old.isNull())) {
      return;
    }
    FieldPath at = path;
    for (String f : site.fieldPath) {
      at = at.field(f);
    }
    Object self;
    Object oldSelf = null;
    Object result;
    try {
      self = Cel.value(node);
      if (site.transition) {
        oldSelf = Cel.value(old);
      }
      result = rules.eval(site.rule, self, oldSelf);
    } catch (CelError e) {
      r.add(
          NOT_EVALUATED,
          "",
          Level.ERROR,
          at,
          DEFAULT_REASON,
          e.getMessage() + " evaluating rule: " + site.label);
      return;
    } catch (RuntimeException e) {
      // Odd data must not stop validation: report it as the API server would report an error.
      r.add(
          NOT_EVALUATED,
          "",
          Level.ERROR,
          at,
          DEFAULT_REASON,
          "internal error: " + e + " evaluating rule: " + site.label);
      return;
    }
    if (Boolean.TRUE.equals(result)) {
      return;
    }
    if (!(result instanceof Boolean)) {
      r.add(
          NOT_EVALUATED,
          "",
          Level.ERROR,
          at,
          DEFAULT_REASON,
          "rule did not evaluate to a bool evaluating rule: " + site.label);
      return;
    }
    r.add(
        site.transition ? TRANSITION_FAILED : FAILED,
        "",
        Level.ERROR,
        at,
        site.reason,
        message(site, self, oldSelf));
  }

  private String message(Site site, Object self, Object oldSelf) {
    if (site.messageExpression >= 0) {
      try {
        Object m = rules.eval(site.messageExpression, self, oldSelf);
        // The API server falls back to the message for an empty or multi-line result.
        if (m instanceof String s && !s.isBlank() && s.indexOf('\n') < 0) {
          return s.strip();
        }
      } catch (RuntimeException e) {
        // As the API server: the static message stands in for a failing message expression.
      }
    }
    return site.message;
  }

  private static final class Site {
    final String path;
    final String[] steps;
    final int rule;
    final boolean transition;
    final String message;
    final String label;
    final int messageExpression;
    final String reason;
    final String[] fieldPath;

    Site(
        String path,
        int rule,
        boolean transition,
        String message,
        String label,
        int messageExpression,
        String reason,
        String fieldPath) {
      this.path = path;
      this.steps = steps(path);
      this.rule = rule;
      this.transition = transition;
      this.message = message;
      this.label = label;
      this.messageExpression = messageExpression;
      this.reason = reason;
      this.fieldPath =
          fieldPath.isEmpty() ? new String[0] : fieldPath.substring(1).split("\\.", -1);
    }
  }

  /**
   * A schema default, parsed on first use: a provider builds the rules of every kind it knows, and
   * most runs see only a few of them.
   */
  private static final class Default {
    final String path;
    final String[] steps;
    private final String json;
    private JsonNode value;

    Default(String path, String json) {
      this.path = path;
      this.steps = steps(path);
      this.json = json;
    }

    synchronized JsonNode value() {
      if (value == null) {
        try {
          value = Mappers.json().readTree(json);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("default at " + path + " is not JSON: " + json, e);
        }
      }
      return value;
    }
  }

  /** {@code spec.ports[].name} → spec, ports, [], name; {@code {}} steps into map values. */
  static String[] steps(String path) {
    List<String> out = new ArrayList<>();
    if (path.isEmpty()) {
      return new String[0];
    }
    for (String segment : path.split("\\.", -1)) {
      String s = segment;
      List<String> suffix = new ArrayList<>();
      while (s.endsWith("[]") || s.endsWith("{}")) {
        suffix.add(0, s.substring(s.length() - 2));
        s = s.substring(0, s.length() - 2);
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
      out.addAll(suffix);
    }
    return out.toArray(new String[0]);
  }

  /** Builds {@link CelRules}. */
  public static final class Builder {
    private final Rules rules;
    private final List<Site> sites = new ArrayList<>();
    private final List<Default> defaults = new ArrayList<>();
    private final List<String> maps = new ArrayList<>();

    private Builder(Rules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Sets the schema's default at {@code path} where the object lacks it; in schema order, so a
     * defaulted object gets its own fields' defaults.
     *
     * @param json the default as JSON text
     */
    public Builder defaultValue(String path, String json) {
      defaults.add(new Default(path, Objects.requireNonNull(json, "json")));
      return this;
    }

    /** Records that the node at {@code path} is a map, whose keys are data. */
    public Builder map(String path) {
      maps.add(path);
      return this;
    }

    /** Rule {@code rule} at the node {@code path}, failing with {@code message}. */
    public Builder rule(String path, int rule, String message) {
      sites.add(new Site(path, rule, false, message, message, -1, DEFAULT_REASON, ""));
      return this;
    }

    /** A transition rule (it reads {@code oldSelf}) at the node {@code path}. */
    public Builder transition(String path, int rule, String message) {
      sites.add(new Site(path, rule, true, message, message, -1, DEFAULT_REASON, ""));
      return this;
    }

    /**
     * A rule with every option.
     *
     * @param path the node, e.g. {@code spec.ports[]}
     * @param rule the rule's number
     * @param transition whether it reads {@code oldSelf}
     * @param message the message when it is false
     * @param label what an evaluation error names: the message, or the rule without one
     * @param messageExpression the number of its message expression, or -1
     * @param reason the API server's reason, e.g. {@code FieldValueForbidden}
     * @param fieldPath where the finding is, relative to the node ({@code .a.b}), or empty
     */
    public Builder rule(
        String path,
        int rule,
        boolean transition,
        String message,
        String label,
        int messageExpression,
        String reason,
        String fieldPath) {
      sites.add(
          new Site(path, rule, transition, message, label, messageExpression, reason, fieldPath));
      return this;
    }

    /** The rules. */
    public CelRules build() {
      return new CelRules(this);
    }
  }
}
