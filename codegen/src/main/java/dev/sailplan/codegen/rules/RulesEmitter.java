package dev.sailplan.codegen.rules;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.schema.Constraints.CelRule;
import dev.sailplan.codegen.schema.SchemaNode;
import dev.sailplan.codegen.schema.SchemaNode.ArraySchema;
import dev.sailplan.codegen.schema.SchemaNode.MapSchema;
import dev.sailplan.codegen.schema.SchemaNode.ObjectSchema;
import dev.sailplan.codegen.schema.SchemaNode.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Emits a module's {@code x-kubernetes-validations} rules as one class: a method per distinct
 * compiled rule, and per kind a {@code CelRules} table of the nodes each rule sits at and the
 * schema defaults those nodes see.
 */
public final class RulesEmitter {
  private static final ClassName CEL_RULES = ClassName.get("dev.sailplan.core.cel", "CelRules");
  private static final ClassName TREE_VALIDATOR =
      ClassName.get("dev.sailplan.core.validation", "TreeValidator");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final Set<String> REASONS =
      Set.of(
          "FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");
  private static final Pattern FIELD_PATH = Pattern.compile("(\\.[A-Za-z0-9_-]+)+");

  private final List<CodeBlock> bodies = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private final Map<String, Integer> numberOfCode = new HashMap<>();
  private final Map<String, CodeBlock> tables = new LinkedHashMap<>();
  private final Map<String, String> methodOfKey = new LinkedHashMap<>();
  private int siteCount;

  /** One kind's rule at one node. */
  private record Site(String path, CelRule rule, int number, int message, boolean transition) {}

  private RulesEmitter() {}

  /**
   * The rules class, or null when no kind has a rule.
   *
   * @param qualifiedName the class to emit
   * @param kinds each kind's model version and its parsed schema, in order
   * @param schemaFiles the CRD files, for the header
   * @throws IllegalStateException naming the kind, path and rule that cannot be compiled
   */
  public static JavaFile emit(
      String qualifiedName, Map<CrdVersion, SchemaNode> kinds, List<String> schemaFiles) {
    RulesEmitter e = new RulesEmitter();
    kinds.forEach(e::addKind);
    return e.tables.isEmpty() ? null : e.file(ClassName.bestGuess(qualifiedName), schemaFiles);
  }

  /** The rules class of a module: {@code <module package>.internal.rules.<Prefix>Rules}. */
  public static String className(String provider) {
    String pkg = provider.substring(0, provider.lastIndexOf('.'));
    String simple = provider.substring(provider.lastIndexOf('.') + 1);
    String base = pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : pkg;
    String prefix = simple.endsWith("Kinds") ? simple.substring(0, simple.length() - 5) : simple;
    return base + ".internal.rules." + prefix + "Rules";
  }

  private void addKind(CrdVersion version, SchemaNode root) {
    SchemaTypes types = new SchemaTypes(version.kind());
    List<Site> sites = new ArrayList<>();
    List<String[]> defaults = new ArrayList<>();
    List<String> maps = new ArrayList<>();
    walk(version.kind(), root, "", types, sites, defaults, maps);
    if (sites.isEmpty()) {
      return;
    }
    CodeBlock.Builder b = CodeBlock.builder().add("return $T.builder(RULES)", CEL_RULES).indent();
    for (String[] d : defaults) {
      if (sites.stream().anyMatch(s -> related(s.path, d[0]))) {
        b.add("\n.defaultValue($S, $S)", d[0], d[1]);
      }
    }
    for (String m : maps) {
      if (sites.stream().anyMatch(s -> within(m, s.path))) {
        b.add("\n.map($S)", m);
      }
    }
    for (Site s : sites) {
      CelRule r = s.rule;
      String message =
          r.message().isBlank() ? "failed rule: " + r.rule().strip() : r.message().strip();
      String label = r.message().isBlank() ? r.rule().strip() : r.message().strip();
      if (s.message < 0 && r.reason().isEmpty() && r.fieldPath().isEmpty()) {
        b.add("\n.$L($S, $L, $S)", s.transition ? "transition" : "rule", s.path, s.number, message);
      } else {
        b.add(
            "\n.rule($S, $L, $L, $S, $S, $L, $S, $S)",
            s.path,
            s.number,
            s.transition,
            message,
            label,
            s.message,
            r.reason().isEmpty() ? "FieldValueInvalid" : r.reason(),
            r.fieldPath());
      }
      siteCount++;
    }
    b.add("\n.build();\n").unindent();
    String key =
        version.group().isEmpty() ? version.kind() : version.group() + "/" + version.kind();
    String method = methodName(version.kind());
    tables.put(method, b.build());
    methodOfKey.put(key, method);
  }

  /** {@code HTTPRoute} → {@code httpRoute}, {@code BackendTLSPolicy} → {@code backendTLSPolicy}. */
  static String methodName(String kind) {
    int upper = 0;
    while (upper < kind.length() && Character.isUpperCase(kind.charAt(upper))) {
      upper++;
    }
    // The last capital of a run starts the next word, unless the run is the whole name.
    int cut = upper > 1 && upper < kind.length() ? upper - 1 : upper;
    return kind.substring(0, Math.max(cut, 1)).toLowerCase(Locale.ROOT)
        + kind.substring(Math.max(cut, 1));
  }

  /** Whether a default at {@code d} changes what a rule at {@code site} sees. */
  private static boolean related(String site, String d) {
    return site.isEmpty() || within(d, site) || within(site, d);
  }

  private static boolean within(String path, String prefix) {
    return prefix.isEmpty()
        || path.equals(prefix)
        || (path.startsWith(prefix)
            && (path.charAt(prefix.length()) == '.'
                || path.charAt(prefix.length()) == '['
                || path.charAt(prefix.length()) == '{'));
  }

  private void walk(
      String kind,
      SchemaNode node,
      String path,
      SchemaTypes types,
      List<Site> sites,
      List<String[]> defaults,
      List<String> maps) {
    for (CelRule r : node.constraints().rules()) {
      sites.add(site(kind, node, path, r, types));
    }
    if (node instanceof ObjectSchema o) {
      for (Property p : o.properties()) {
        String child = path.isEmpty() ? p.name() : path + "." + p.name();
        if (p.name().matches(".*[.\\[\\]{}].*") && hasRulesOrDefaults(p.schema())) {
          throw new IllegalStateException(
              kind + " " + child + ": a property name with '.', '[' or '{' cannot carry rules");
        }
        if (p.schema().constraints().defaultValue() != null) {
          defaults.add(new String[] {child, p.schema().constraints().defaultValue()});
        }
        walk(kind, p.schema(), child, types, sites, defaults, maps);
      }
    } else if (node instanceof ArraySchema a) {
      walk(kind, a.items(), path + "[]", types, sites, defaults, maps);
    } else if (node instanceof MapSchema m) {
      maps.add(path);
      walk(kind, m.values(), path + "{}", types, sites, defaults, maps);
    }
  }

  private static boolean hasRulesOrDefaults(SchemaNode node) {
    if (!node.constraints().rules().isEmpty() || node.constraints().defaultValue() != null) {
      return true;
    }
    if (node instanceof ObjectSchema o) {
      return o.properties().stream().anyMatch(p -> hasRulesOrDefaults(p.schema()));
    }
    if (node instanceof ArraySchema a) {
      return hasRulesOrDefaults(a.items());
    }
    if (node instanceof MapSchema m) {
      return hasRulesOrDefaults(m.values());
    }
    return false;
  }

  private Site site(String kind, SchemaNode node, String path, CelRule r, SchemaTypes types) {
    String where = kind + " " + (path.isEmpty() ? "(root)" : path) + ": rule '" + r.rule() + "'";
    if (r.optionalOldSelf()) {
      throw new IllegalStateException(where + ": optionalOldSelf is not supported");
    }
    if (!r.reason().isEmpty() && !REASONS.contains(r.reason())) {
      throw new IllegalStateException(where + ": unknown reason " + r.reason());
    }
    if (!r.fieldPath().isEmpty() && !FIELD_PATH.matcher(r.fieldPath()).matches()) {
      throw new IllegalStateException(
          where + ": fieldPath " + r.fieldPath() + " is not of the form .a.b");
    }
    CelType self = types.of(node, path);
    RuleCompiler.Compiled rule;
    int number;
    int message = -1;
    try {
      rule = RuleCompiler.compile(RuleCompiler.compiler(types, self, SimpleType.BOOL), r.rule());
      number = number(rule, r.rule());
      if (!r.messageExpression().isEmpty()) {
        CelCompiler strings = RuleCompiler.compiler(types, self, SimpleType.STRING);
        message =
            number(RuleCompiler.compile(strings, r.messageExpression()), r.messageExpression());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " cannot be compiled: " + e.getMessage(), e);
    }
    return new Site(path, r, number, message, rule.transition());
  }

  private int number(RuleCompiler.Compiled compiled, String source) {
    String code = compiled.java().toString();
    Integer known = numberOfCode.get(code);
    if (known != null) {
      return known;
    }
    int n = bodies.size();
    bodies.add(compiled.java());
    sources.add(source);
    numberOfCode.put(code, n);
    return n;
  }

  private JavaFile file(ClassName name, List<String> schemaFiles) {
    TypeName map =
        ParameterizedTypeName.get(
            ClassName.get(Map.class), ClassName.get(String.class), TREE_VALIDATOR);
    CodeBlock.Builder all = CodeBlock.builder().add("return $T.ofEntries(", Map.class).indent();
    boolean first = true;
    for (Map.Entry<String, String> e : methodOfKey.entrySet()) {
      all.add(
          first ? "\n$T.entry($S, $N())" : ",\n$T.entry($S, $N())",
          Map.class,
          e.getKey(),
          e.getValue());
      first = false;
    }
    all.unindent().add(");\n");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(
                AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", "dev.sailplan.codegen")
                    .build())
            .addJavadoc(
                "The {@code x-kubernetes-validations} rules of $L, compiled to Java: $L distinct"
                    + " expressions at $L schema nodes.\n",
                String.join(", ", schemaFiles),
                bodies.size(),
                siteCount)
            .addField(
                com.palantir.javapoet.FieldSpec.builder(
                        CEL_RULES.nestedClass("Rules"),
                        "RULES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$N::eval", name.simpleName())
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                MethodSpec.methodBuilder("all")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc(
                        "The rules of each kind, by {@code ValidationProvider.key(group, kind)}.\n")
                    .returns(map)
                    .addCode(all.build())
                    .build());
    tables.forEach(
        (method, body) ->
            type.addMethod(
                MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TREE_VALIDATOR)
                    .addCode(body)
                    .build()));
    CodeBlock.Builder list = CodeBlock.builder().add("return $T.of(", List.class).indent();
    for (int i = 0; i < sources.size(); i++) {
      list.add(i == 0 ? "\n$S" : ",\n$S", sources.get(i));
    }
    list.unindent().add(");\n");
    type.addMethod(
        MethodSpec.methodBuilder("sources")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("The CEL source of each rule and message expression, by number.\n")
            .returns(ParameterizedTypeName.get(List.class, String.class))
            .addCode(list.build())
            .build());
    CodeBlock.Builder dispatch = CodeBlock.builder().add("return switch (rule) {\n").indent();
    for (int i = 0; i < bodies.size(); i++) {
      dispatch.add("case $L -> r$L(self, oldSelf);\n", i, i);
    }
    dispatch
        .add("default -> throw new $T($S + rule);\n", IllegalArgumentException.class, "no rule ")
        .unindent()
        .add("};\n");
    type.addMethod(
        MethodSpec.methodBuilder("eval")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(Object.class)
            .addParameter(int.class, "rule")
            .addParameter(Object.class, "self")
            .addParameter(Object.class, "oldSelf")
            .addCode(dispatch.build())
            .build());
    for (int i = 0; i < bodies.size(); i++) {
      type.addMethod(
          MethodSpec.methodBuilder("r" + i)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(Object.class)
              .addParameter(Object.class, "self")
              .addParameter(Object.class, "oldSelf")
              .addComment("$L", comment(sources.get(i)))
              .addStatement("return $L", bodies.get(i))
              .build());
    }
    return JavaFile.builder(name.packageName(), type.build())
        .addFileComment(
            "Generated by Sailplan codegen ($L) from $L.\nDo not edit.",
            "dev.sailplan.codegen",
            String.join(", ", schemaFiles))
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** The rule on one comment line; a backslash-u would be read by javac as a Unicode escape. */
  private static String comment(String source) {
    return source.replaceAll("\\s*\\n\\s*", " ").replace("\\u", "\\ u").strip();
  }
}
