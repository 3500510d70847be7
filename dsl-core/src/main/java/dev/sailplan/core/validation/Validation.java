package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.spi.ResourceCheck;
import dev.sailplan.core.validation.spi.TreeValidator;
import dev.sailplan.core.validation.spi.ValidationProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Validates resources, built with the DSL or parsed, and returns every {@link Finding}.
 *
 * <pre>{@code
 * Findings findings = Validation.standard().validate(resources);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Validation {
  private final Map<String, TreeValidator> schemas;
  private final List<ResourceCheck> checks;
  private final String rootNamespace;

  private Validation(Builder b) {
    this.schemas = Map.copyOf(b.schemas);
    this.checks = List.copyOf(b.checks);
    this.rootNamespace = b.rootNamespace;
  }

  /**
   * Validation with every provider on the class path or module path, root namespace {@code
   * istio-system}.
   */
  public static Validation standard() {
    return builder().discover().build();
  }

  /** A builder with no providers; call {@link Builder#discover()} or add them. */
  public static Builder builder() {
    return new Builder();
  }

  /** The mesh's root namespace (Istio's {@code rootNamespace}). */
  public String rootNamespace() {
    return rootNamespace;
  }

  /** Everything found in {@code resources}; built objects carry no file or line. */
  public Findings validate(Collection<? extends Resource> resources) {
    List<Finding> found = new ArrayList<>();
    for (Resource r : resources) {
      validate(r, null, "", 0, found);
    }
    return Findings.of(found);
  }

  /**
   * Checks one resource and adds what is wrong to {@code out}.
   *
   * @param old the version it replaces (for transition rules), or null
   * @param file the file it was read from, or empty
   * @param line its first line, or 0
   */
  void validate(Resource resource, JsonNode old, String file, int line, List<Finding> out) {
    JsonNode tree = Manifests.toTree(resource);
    String origin =
        origin(resource.kind(), resource.metadata().namespace().orElse(""), name(resource));
    Collector report = new Collector(origin, file, line, out);
    TreeValidator schema = schemas.get(ValidationProvider.key(resource.group(), resource.kind()));
    if (schema != null) {
      schema.validate(tree, old, report);
    }
    if (!report.errors) {
      for (ResourceCheck c : checks) {
        c.check(resource, report);
      }
    }
  }

  private static String name(Resource r) {
    return r.metadata().name().orElse(r.metadata().generateName().orElse(""));
  }

  /** {@code Kind ns/name}, or {@code Kind name} without a namespace. */
  static String origin(String kind, String namespace, String name) {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  /** Turns a check's report into findings of one object. */
  static final class Collector implements Report {
    private final String origin;
    private final String file;
    private final int line;
    private final List<Finding> out;
    boolean errors;

    Collector(String origin, String file, int line, List<Finding> out) {
      this.origin = origin;
      this.file = file;
      this.line = line;
      this.out = out;
    }

    @Override
    public void add(
        String code, String istioCode, Level level, FieldPath path, String reason, String message) {
      errors |= level == Level.ERROR;
      out.add(
          new Finding(
              code, istioCode, level, origin, file, line, path.toString(), reason, message));
    }
  }

  /** Builds a {@link Validation}. */
  public static final class Builder {
    private final Map<String, TreeValidator> schemas = new HashMap<>();
    private final List<ResourceCheck> checks = new ArrayList<>();
    private String rootNamespace = "istio-system";

    private Builder() {}

    /** Adds every {@link ValidationProvider} that {@link ServiceLoader} finds. */
    public Builder discover() {
      for (ValidationProvider p :
          ServiceLoader.load(ValidationProvider.class, Validation.class.getClassLoader())) {
        provider(p);
      }
      return this;
    }

    /** Adds one provider's schemas and checks. */
    public Builder provider(ValidationProvider provider) {
      // Several providers may check one kind (the schema's constraints, its CEL rules): all run.
      provider.schemas().forEach((key, v) -> schemas.merge(key, v, Builder::both));
      checks.addAll(provider.checks());
      return this;
    }

    private static TreeValidator both(TreeValidator a, TreeValidator b) {
      return (object, old, report) -> {
        a.validate(object, old, report);
        b.validate(object, old, report);
      };
    }

    /** Sets the mesh's root namespace; {@code istio-system} when not set. */
    public Builder rootNamespace(String namespace) {
      this.rootNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** The validation. */
    public Validation build() {
      return new Validation(this);
    }
  }
}
