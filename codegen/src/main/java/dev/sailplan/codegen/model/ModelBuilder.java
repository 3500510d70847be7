package dev.sailplan.codegen.model;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.codegen.config.CodegenConfig;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.model.TypeDef.EnumDef;
import dev.sailplan.codegen.model.TypeDef.ObjectDef;
import dev.sailplan.codegen.model.TypeDef.ResourceDef;
import dev.sailplan.codegen.naming.NamingStrategy;
import dev.sailplan.codegen.schema.SchemaNode;
import dev.sailplan.codegen.schema.SchemaNode.ArraySchema;
import dev.sailplan.codegen.schema.SchemaNode.FreeFormSchema;
import dev.sailplan.codegen.schema.SchemaNode.MapSchema;
import dev.sailplan.codegen.schema.SchemaNode.ObjectSchema;
import dev.sailplan.codegen.schema.SchemaNode.Property;
import dev.sailplan.codegen.schema.SchemaNode.ScalarSchema;
import dev.sailplan.codegen.schema.SchemaParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns CRD versions into package models: picks each kind's model version, checks that the other
 * served versions share its schema, and names every type once.
 *
 * <p>A structure that occurs at several paths becomes one type. Its name comes from the naming
 * table when any of its paths is listed there, otherwise from the first path that reaches it.
 *
 * <p>A structure listed under {@code shared} becomes one type in its own package, which every API
 * group's package refers to instead of generating a copy; every listed occurrence must be the same
 * structure (properties, types, constraints; descriptions aside). An unlisted occurrence of exactly
 * that structure shares it too.
 */
public final class ModelBuilder {
  private static final Set<String> ROOT_STANDARD = Set.of("apiVersion", "kind", "metadata");

  /** Simple names that would shadow types generated code relies on. */
  private static final Set<String> RESERVED_TYPE_NAMES =
      Set.of(
          "Object",
          "String",
          "Integer",
          "Long",
          "Double",
          "Boolean",
          "Override",
          "Deprecated",
          "Class",
          "Enum",
          "Record",
          "Module",
          "Package",
          "Process",
          "Runtime",
          "System",
          "Thread",
          "Error",
          "Exception",
          "Number",
          "Void",
          "Math",
          "Character",
          "Iterable",
          "Comparable",
          "Optional",
          "List",
          "Map",
          "Set",
          "Generated",
          "Value",
          "JsonNode",
          "Resource",
          "ObjectMeta",
          "Duration",
          "IntOrString",
          "OptionalInt",
          "OptionalLong",
          "OptionalDouble",
          "Objects",
          "Builder");

  private final NamingStrategy naming;
  private final CodegenConfig config;
  private final Set<String> visitedPaths = new java.util.HashSet<>();

  /** The shared type ({@code package.Name}) of each {@code Kind:path} listed under 'shared'. */
  private final Map<String, String> sharedOfPath = new LinkedHashMap<>();

  /** Where each shared type occurs, the first occurrence first. */
  private final Map<String, List<Occurrence>> occurrences = new LinkedHashMap<>();

  /** Shared types by structural signature (several when only constraints tell them apart). */
  private final Map<String, List<String>> sharedOfSignature = new LinkedHashMap<>();

  /** A place a shared structure occurs. */
  private record Occurrence(String kind, String path, SchemaNode node, CrdVersion model) {
    String where() {
      return kind + " " + path;
    }
  }

  /** A builder for one module's config. */
  public ModelBuilder(NamingStrategy naming, CodegenConfig config) {
    this.naming = naming;
    this.config = config;
    config
        .shared()
        .forEach(
            (type, paths) -> {
              int dot = type.lastIndexOf('.');
              if (dot <= 0
                  || !javax.lang.model.SourceVersion.isName(type)
                  || RESERVED_TYPE_NAMES.contains(type.substring(dot + 1))) {
                throw new IllegalStateException(
                    "shared type " + type + " is not a usable qualified Java name");
              }
              for (String path : paths) {
                String before = sharedOfPath.putIfAbsent(path, type);
                if (before != null) {
                  throw new IllegalStateException(
                      path + " is listed under two shared types: " + before + " and " + type);
                }
                if (config.names().containsKey(path)) {
                  throw new IllegalStateException(
                      path
                          + " is listed under 'names' and under 'shared' ("
                          + type
                          + "); a shared type is named by its qualified name only");
                }
              }
              occurrences.put(type, new ArrayList<>());
            });
  }

  /**
   * Builds the package models.
   *
   * @throws IllegalStateException when versions disagree, a package is not configured, or the
   *     naming table gives one name to two structures
   */
  public List<PackageModel> build(List<CrdVersion> crds) {
    Map<String, List<CrdVersion>> byKind = new LinkedHashMap<>();
    for (CrdVersion v : crds) {
      String key = v.group() + "/" + v.kind();
      if (config.kinds().isEmpty() || config.kinds().contains(key)) {
        byKind.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
      }
    }
    for (String wanted : config.kinds()) {
      if (!byKind.containsKey(wanted)) {
        throw new IllegalStateException("kind " + wanted + " is not in " + config.schemas());
      }
    }
    Map<String, PackageContext> packages = new LinkedHashMap<>();
    for (List<CrdVersion> versions : byKind.values()) {
      CrdVersion model = modelVersion(versions);
      String javaPackage = config.packages().get(model.apiVersion());
      if (javaPackage == null) {
        throw new IllegalStateException(
            "no Java package configured for "
                + model.apiVersion()
                + " (kind "
                + model.kind()
                + "); add it under 'packages'");
      }
      packages
          .computeIfAbsent(javaPackage, p -> new PackageContext(p, false, model.sourceFile()))
          .add(model, aliases(model, versions));
    }
    List<String> unused =
        config.names().keySet().stream().filter(k -> !visitedPaths.contains(k)).sorted().toList();
    if (!unused.isEmpty()) {
      throw new IllegalStateException("naming table entries match no object or enum: " + unused);
    }
    List<String> unusedShared =
        sharedOfPath.keySet().stream().filter(k -> !visitedPaths.contains(k)).sorted().toList();
    if (!unusedShared.isEmpty()) {
      throw new IllegalStateException("shared entries match no object: " + unusedShared);
    }
    occurrences.forEach(
        (type, found) -> {
          Occurrence first = found.get(0);
          for (Occurrence o : found.subList(1, found.size())) {
            // The differing occurrence's value first: "o differs from first at .x: maxItems 16 vs
            // 8".
            String diff = Structures.firstDifference(o.node(), first.node(), "");
            if (diff != null) {
              throw new IllegalStateException(
                  "shared type "
                      + type
                      + ": "
                      + o.where()
                      + " differs from "
                      + first.where()
                      + " at "
                      + diff
                      + "; only identical structures can share one type");
            }
          }
          sharedOfSignature
              .computeIfAbsent(Signatures.of(first.node()), k -> new ArrayList<>())
              .add(type);
          String home = packageOf(type);
          packages
              .computeIfAbsent(home, p -> new PackageContext(p, true, first.model().sourceFile()))
              .host(simpleName(type), found);
        });
    return packages.values().stream().map(PackageContext::build).toList();
  }

  private static String packageOf(String qualifiedName) {
    return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  /** v1 when served, else the storage version, else the first served one. */
  public static CrdVersion modelVersion(List<CrdVersion> versions) {
    CrdVersion best = null;
    for (CrdVersion v : versions) {
      if (!v.served()) {
        continue;
      }
      if (v.version().equals("v1")) {
        return v;
      }
      if (best == null || v.storage()) {
        best = v;
      }
    }
    if (best == null) {
      throw new IllegalStateException(versions.get(0).kind() + " has no served version");
    }
    return best;
  }

  /** The other served versions; each must have the model version's schema, descriptions aside. */
  @SuppressWarnings("ReferenceEquality") // skips the model's own entry in versions, not its equals
  private static List<String> aliases(CrdVersion model, List<CrdVersion> versions) {
    List<String> out = new ArrayList<>();
    out.add(model.version());
    JsonNode expected = withoutDescriptions(model.schema());
    for (CrdVersion v : versions) {
      if (v == model || !v.served()) {
        continue;
      }
      String diff = firstDifference(expected, withoutDescriptions(v.schema()), "");
      if (diff != null) {
        throw new IllegalStateException(
            model.kind()
                + " "
                + v.version()
                + " differs from "
                + model.version()
                + " at "
                + (diff.isEmpty() ? "the root" : diff)
                + "; it cannot share the "
                + model.version()
                + " types");
      }
      out.add(v.version());
    }
    return out;
  }

  static JsonNode withoutDescriptions(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove("description");
    }
    node.forEach(ModelBuilder::strip);
  }

  static String firstDifference(JsonNode a, JsonNode b, String path) {
    if (a.equals(b)) {
      return null;
    }
    if (a.isObject() && b.isObject()) {
      for (var it = a.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!b.has(f)) {
          return path + "." + f;
        }
        String d = firstDifference(a.get(f), b.get(f), path + "." + f);
        if (d != null) {
          return d;
        }
      }
      for (var it = b.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!a.has(f)) {
          return path + "." + f;
        }
      }
    }
    return path;
  }

  /** Naming and type collection for one Java package. */
  private final class PackageContext {
    private final String javaPackage;
    private final java.util.Set<String> apiVersions = new java.util.LinkedHashSet<>();
    private final boolean shared;
    private final String schemaFile;
    private final List<TypeDef> types = new ArrayList<>();
    private final Map<String, String> signatureOfName = new LinkedHashMap<>();
    private final Map<String, String> nameOfSignature = new LinkedHashMap<>();
    private final Map<String, String> tableNameOfSignature = new LinkedHashMap<>();
    private final Map<String, String> originOfName = new LinkedHashMap<>();
    private final List<Runnable> pending = new ArrayList<>();

    /** Javadoc of shared types whose occurrences are described differently. */
    private final Map<String, String> sharedDescriptions = new LinkedHashMap<>();

    /** A package of kinds' types, or of types that several API groups share. */
    PackageContext(String javaPackage, boolean shared, String schemaFile) {
      this.javaPackage = javaPackage;
      this.shared = shared;
      this.schemaFile = schemaFile;
    }

    /**
     * Generates shared type {@code name} here, with the structure found first. Its Javadoc is the
     * schema's description when every occurrence has the same one, else says who shares it: each
     * kind describes its selector in its own words.
     */
    void host(String name, List<Occurrence> found) {
      Occurrence first = found.get(0);
      if (shared) {
        found.forEach(o -> apiVersions.add(o.model().apiVersion()));
      }
      if (found.stream().map(o -> o.node().description()).distinct().count() > 1) {
        sharedDescriptions.put(
            name,
            "Shared by "
                + found.stream().map(Occurrence::kind).distinct().collect(joining(", "))
                + ".");
      }
      String signature = Signatures.of(first.node());
      String reserved = tableNameOfSignature.putIfAbsent(signature, name);
      if (reserved != null && !reserved.equals(name)) {
        throw new IllegalStateException(
            "shared type "
                + javaPackage
                + "."
                + name
                + " has the structure of "
                + reserved
                + ", which the naming table names in the same package");
      }
      pending.add(() -> typeOf(first.node(), first.kind(), first.path(), name, name, name));
    }

    void add(CrdVersion model, List<String> versions) {
      String kind = model.kind();
      apiVersions.add(model.apiVersion());
      if (signatureOfName.containsKey(kind)) {
        throw new IllegalStateException(
            "kind " + kind + " clashes with a type of the same name in " + javaPackage);
      }
      signatureOfName.put(kind, "resource:" + kind);
      originOfName.put(kind, kind);
      SchemaNode root = SchemaParser.parse(model.schema(), kind, config.durations());
      if (!(root instanceof ObjectSchema rootObject)) {
        throw new IllegalStateException(
            kind + ": the root schema is not an object with properties");
      }
      collectTableNames(model, kind, "", root);
      pending.add(
          () -> {
            List<FieldDef> fields = new ArrayList<>();
            List<String> javaNames = accessorNames(rootObject);
            for (int i = 0; i < rootObject.properties().size(); i++) {
              Property p = rootObject.properties().get(i);
              if (ROOT_STANDARD.contains(p.name())) {
                continue;
              }
              String defaultName = kind + naming.typeName(p.name(), false);
              // A kind's spec and status are its own types even when another kind has the same
              // shape
              // (UDPRoute and TCPRoute): UDPRoute.spec() must not return a TCPRouteSpec.
              TypeRef type =
                  p.schema() instanceof ObjectSchema o
                      ? objectType(o, kind, p.name(), kind, defaultName, true)
                      : typeOf(p.schema(), kind, p.name(), kind, defaultName, p.name());
              fields.add(field(p, javaNames.get(i), type, rootObject));
            }
            types.add(
                new ResourceDef(
                    kind,
                    model.sourceFile(),
                    model.group(),
                    versions,
                    model.namespaced(),
                    rootObject.description(),
                    fields,
                    rootObject.constraints()));
          });
    }

    PackageModel build() {
      pending.forEach(Runnable::run);
      return new PackageModel(
          javaPackage, List.copyOf(apiVersions), shared, schemaFile, List.copyOf(types));
    }

    /** Pre-pass: a structure named in the table is named so wherever it occurs. */
    private void collectTableNames(CrdVersion model, String kind, String path, SchemaNode node) {
      String listed = config.names().get(kind + ":" + path);
      if (node instanceof ObjectSchema || isEnum(node)) {
        visitedPaths.add(kind + ":" + path);
      }
      String shared = sharedOfPath.get(kind + ":" + path);
      if (shared != null && !(node instanceof ObjectSchema)) {
        // Only value types move to a shared package; a path to an enum or scalar is a mistake.
        throw new IllegalStateException(
            "shared entry " + kind + ":" + path + " (" + shared + ") is not an object");
      }
      if (shared != null) {
        occurrences.get(shared).add(new Occurrence(kind, path, node, model));
      }
      if (listed != null && (node instanceof ObjectSchema || isEnum(node))) {
        tableNameOfSignature.putIfAbsent(Signatures.of(node), listed);
      }
      if (node instanceof ObjectSchema o) {
        for (Property p : o.properties()) {
          collectTableNames(model, kind, join(path, p.name()), p.schema());
        }
      } else if (node instanceof ArraySchema a) {
        collectTableNames(model, kind, path + "[]", a.items());
      } else if (node instanceof MapSchema m) {
        collectTableNames(model, kind, path + "{}", m.values());
      }
    }

    private TypeRef typeOf(
        SchemaNode node,
        String kind,
        String path,
        String owner,
        String defaultName,
        String property) {
      if (node instanceof ArraySchema a) {
        return new TypeRef.ListOf(
            typeOf(a.items(), kind, path + "[]", owner, naming.typeName(property, true), property));
      }
      if (node instanceof MapSchema m) {
        return new TypeRef.MapOf(
            typeOf(
                m.values(), kind, path + "{}", owner, naming.typeName(property, true), property));
      }
      if (node instanceof FreeFormSchema) {
        return new TypeRef.Json();
      }
      if (node instanceof ScalarSchema s) {
        if (s.enumValues().isEmpty()) {
          return new TypeRef.Scalar(s.kind());
        }
        String name = resolveName(node, kind, path, owner, naming.enumName(owner, property));
        if (name != null) {
          List<String> constants = new ArrayList<>();
          for (String v : s.enumValues()) {
            String c = naming.enumConstant(v);
            if (constants.contains(c)) {
              throw new IllegalStateException(
                  kind + " " + path + ": enum values map to one constant " + c);
            }
            constants.add(c);
          }
          types.add(
              new EnumDef(name, kind + " " + path, s.description(), s.enumValues(), constants));
          return new TypeRef.Named(name);
        }
        return new TypeRef.Named(nameOfSignature.get(Signatures.of(node)));
      }
      return objectType((ObjectSchema) node, kind, path, owner, defaultName, false);
    }

    private TypeRef objectType(
        ObjectSchema o,
        String kind,
        String path,
        String owner,
        String defaultName,
        boolean ownType) {
      if (!ownType) {
        TypeRef shared = sharedType(o, kind, path);
        if (shared != null) {
          return shared;
        }
      }
      String name =
          ownType
              ? ownName(o, kind, path, defaultName)
              : resolveName(o, kind, path, owner, defaultName);
      if (name == null) {
        String listed = config.names().get(kind + ":" + path);
        return new TypeRef.Named(
            listed != null && ownType ? listed : nameOfSignature.get(Signatures.of(o)));
      }
      // Reserve the slot now so the type keeps its pre-order place; fill it after the fields.
      int slot = types.size();
      types.add(null);
      List<FieldDef> fields = new ArrayList<>();
      List<String> javaNames = accessorNames(o);
      for (int i = 0; i < o.properties().size(); i++) {
        Property p = o.properties().get(i);
        TypeRef t =
            typeOf(
                p.schema(),
                kind,
                join(path, p.name()),
                name,
                naming.typeName(p.name(), false),
                p.name());
        fields.add(field(p, javaNames.get(i), t, o));
      }
      types.set(
          slot,
          new ObjectDef(
              name,
              kind + " " + path,
              sharedDescriptions.getOrDefault(name, o.description()),
              fields,
              o.oneOfGroups(),
              o.constraints()));
      return new TypeRef.Named(name);
    }

    /** The shared type of another package that has exactly this structure, or null. */
    private TypeRef sharedType(ObjectSchema o, String kind, String path) {
      for (String type : sharedOfSignature.getOrDefault(Signatures.of(o), List.of())) {
        Occurrence first = occurrences.get(type).get(0);
        if (!packageOf(type).equals(javaPackage)
            && Structures.firstDifference(first.node(), o, "") == null) {
          if (config.names().containsKey(kind + ":" + path)) {
            throw new IllegalStateException(
                "naming table entry "
                    + kind
                    + ":"
                    + path
                    + " names a structure of"
                    + " shared type "
                    + type
                    + "; list the path under 'shared' instead");
          }
          return new TypeRef.Named(simpleName(type), packageOf(type));
        }
      }
      return null;
    }

    /** The name for a structure, or null when the structure already has a type (reuse it). */
    private String resolveName(
        SchemaNode node, String kind, String path, String owner, String defaultName) {
      String signature = Signatures.of(node);
      String listed = config.names().get(kind + ":" + path);
      String existing = nameOfSignature.get(signature);
      if (existing != null && (listed == null || listed.equals(existing))) {
        return null;
      }
      String name = listed != null ? listed : tableNameOfSignature.get(signature);
      if (name != null) {
        String owned = signatureOfName.get(name);
        if (owned != null && !owned.equals(signature)) {
          throw new IllegalStateException(
              "naming table gives "
                  + name
                  + " to two different structures: "
                  + originOfName.get(name)
                  + " and "
                  + kind
                  + " "
                  + path);
        }
      } else {
        name = unused(defaultName, owner, signature);
      }
      signatureOfName.put(name, signature);
      nameOfSignature.putIfAbsent(signature, name);
      originOfName.put(name, kind + " " + path);
      return name;
    }

    /** A name for a type that is never shared: the table's, else the default made unique. */
    private String ownName(ObjectSchema o, String kind, String path, String defaultName) {
      String signature = Signatures.of(o);
      String listed = config.names().get(kind + ":" + path);
      String name = listed != null ? listed : defaultName;
      if (listed != null && signature.equals(signatureOfName.get(listed))) {
        return null; // the table shares this type on purpose (WorkloadEntry spec = ServiceEntry
        // endpoints)
      }
      if (signatureOfName.containsKey(name)) {
        throw new IllegalStateException(
            "type name "
                + name
                + " for "
                + kind
                + " "
                + path
                + " is already used by "
                + originOfName.get(name));
      }
      signatureOfName.put(name, "own:" + kind + ":" + path);
      nameOfSignature.putIfAbsent(signature, name);
      originOfName.put(name, kind + " " + path);
      return name;
    }

    private String unused(String defaultName, String owner, String signature) {
      String base = RESERVED_TYPE_NAMES.contains(defaultName) ? owner + defaultName : defaultName;
      if (isFree(base, signature)) {
        return base;
      }
      String prefixed = defaultName.startsWith(owner) ? defaultName : owner + defaultName;
      if (isFree(prefixed, signature)) {
        return prefixed;
      }
      for (int i = 2; ; i++) {
        if (isFree(prefixed + i, signature)) {
          return prefixed + i;
        }
      }
    }

    private boolean isFree(String name, String signature) {
      String owned = signatureOfName.get(name);
      String reservedFor =
          tableNameOfSignature.entrySet().stream()
              .filter(e -> e.getValue().equals(name))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      return (owned == null || owned.equals(signature))
          && (reservedFor == null || reservedFor.equals(signature));
    }

    private List<String> accessorNames(ObjectSchema o) {
      return naming.accessorNames(o.properties().stream().map(Property::name).toList());
    }

    private FieldDef field(Property p, String javaName, TypeRef type, ObjectSchema owner) {
      return new FieldDef(
          p.name(),
          javaName,
          type,
          owner.required().contains(p.name()),
          p.schema().description(),
          p.schema().constraints());
    }
  }

  private static boolean isEnum(SchemaNode node) {
    return node instanceof ScalarSchema s && !s.enumValues().isEmpty();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
