package dev.sailplan.codegen.rules;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one CEL expression to a Java expression over {@code dev.sailplan.core.cel.Cel}: {@code
 * dev.cel} parses and type-checks it against the schema's types, then the checked syntax tree is
 * walked. Macros arrive expanded into comprehensions, which become {@code Cel.fold}; {@code &&} and
 * {@code ||} take lazy operands, so that an error on one side is absorbed when the other decides.
 */
public final class RuleCompiler {
  static final ClassName CEL = ClassName.get("dev.sailplan.core.cel", "Cel");

  /** The Kubernetes URL type of the {@code url()} function. */
  static final CelType URL = OpaqueType.create("kubernetes.URL");

  /** The Kubernetes library functions the runtime implements. */
  static final List<CelFunctionDecl> KUBERNETES_FUNCTIONS =
      List.of(
          global("isURL", "is_url_string", SimpleType.BOOL),
          global("url", "string_to_url", URL),
          global("isIP", "is_ip_string", SimpleType.BOOL),
          global("isCIDR", "is_cidr_string", SimpleType.BOOL),
          member("getScheme", "url_get_scheme"),
          member("getHost", "url_get_host"),
          member("getHostname", "url_get_hostname"),
          member("getPort", "url_get_port"),
          member("getEscapedPath", "url_get_escaped_path"));

  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("!_", "not"),
          Map.entry("-_", "neg"),
          Map.entry("_==_", "eq"),
          Map.entry("_!=_", "ne"),
          Map.entry("_<_", "lt"),
          Map.entry("_<=_", "le"),
          Map.entry("_>_", "gt"),
          Map.entry("_>=_", "ge"),
          Map.entry("_+_", "add"),
          Map.entry("_-_", "sub"),
          Map.entry("_*_", "mul"),
          Map.entry("_/_", "div"),
          Map.entry("_%_", "mod"),
          Map.entry("_[_]", "index"),
          Map.entry("@in", "in"));

  /** Global functions: name/arity → runtime method. */
  private static final Map<String, String> GLOBALS =
      Map.ofEntries(
          Map.entry("size/1", "size"),
          Map.entry("int/1", "toInt"),
          Map.entry("double/1", "toDouble"),
          Map.entry("string/1", "toStr"),
          Map.entry("duration/1", "toDuration"),
          Map.entry("matches/2", "matches"),
          Map.entry("isURL/1", "isURL"),
          Map.entry("url/1", "url"),
          Map.entry("isIP/1", "isIP"),
          Map.entry("isCIDR/1", "isCIDR"));

  /** Member functions: name/arity (without the receiver) → runtime method. */
  private static final Map<String, String> MEMBERS =
      Map.ofEntries(
          Map.entry("size/0", "size"),
          Map.entry("contains/1", "contains"),
          Map.entry("startsWith/1", "startsWith"),
          Map.entry("endsWith/1", "endsWith"),
          Map.entry("matches/1", "matches"),
          Map.entry("substring/1", "substring"),
          Map.entry("substring/2", "substring"),
          Map.entry("split/1", "split"),
          Map.entry("split/2", "split"),
          Map.entry("lowerAscii/0", "lowerAscii"),
          Map.entry("upperAscii/0", "upperAscii"),
          Map.entry("trim/0", "trim"),
          Map.entry("indexOf/1", "indexOf"),
          Map.entry("indexOf/2", "indexOf"),
          Map.entry("join/0", "join"),
          Map.entry("join/1", "join"),
          Map.entry("getScheme/0", "getScheme"),
          Map.entry("getHost/0", "getHost"),
          Map.entry("getHostname/0", "getHostname"),
          Map.entry("getPort/0", "getPort"),
          Map.entry("getEscapedPath/0", "getEscapedPath"));

  private final CelAbstractSyntaxTree ast;
  private final Deque<Map<String, Binding>> scopes = new ArrayDeque<>();
  private int depth;
  private boolean readsOldSelf;

  private record Binding(String javaName, boolean accumulator) {}

  /**
   * One compiled expression.
   *
   * @param java the Java expression, of type Object
   * @param transition whether it reads {@code oldSelf}
   */
  public record Compiled(CodeBlock java, boolean transition) {}

  private RuleCompiler(CelAbstractSyntaxTree ast) {
    this.ast = ast;
  }

  /** The compiler {@code dev.cel} type-checks rules with, for a node of type {@code self}. */
  static CelCompiler compiler(SchemaTypes types, CelType self, CelType result) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addLibraries(CelExtensions.strings())
        .setTypeProvider(types)
        .addVar("self", self)
        .addVar("oldSelf", self)
        .addFunctionDeclarations(KUBERNETES_FUNCTIONS)
        .setResultType(result)
        .build();
  }

  /**
   * Compiles {@code expression}.
   *
   * @throws IllegalArgumentException when it does not parse or type-check, or uses what the runtime
   *     does not support
   */
  static Compiled compile(CelCompiler compiler, String expression) {
    CelAbstractSyntaxTree ast;
    try {
      ast = compiler.compile(expression).getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    RuleCompiler c = new RuleCompiler(ast);
    CodeBlock java = c.expr(ast.getExpr());
    return new Compiled(java, c.readsOldSelf);
  }

  private CodeBlock expr(CelExpr e) {
    return switch (e.getKind()) {
      case CONSTANT -> constant(e.constant());
      case IDENT -> ident(e.ident().name());
      case SELECT -> select(e);
      case CALL -> call(e.call());
      case LIST -> {
        if (!e.list().optionalIndices().isEmpty()) {
          throw unsupported("optional list elements");
        }
        yield CodeBlock.of("$T.list($L)", CEL, join(e.list().elements()));
      }
      case MAP -> {
        CodeBlock.Builder b = CodeBlock.builder();
        boolean first = true;
        for (CelExpr.CelMap.Entry entry : e.map().entries()) {
          if (entry.optionalEntry()) {
            throw unsupported("optional map entries");
          }
          b.add(first ? "$L, $L" : ", $L, $L", expr(entry.key()), expr(entry.value()));
          first = false;
        }
        yield CodeBlock.of("$T.map($L)", CEL, b.build());
      }
      case COMPREHENSION -> comprehension(e.comprehension());
      default -> throw unsupported("expression kind " + e.getKind());
    };
  }

  private static CodeBlock constant(CelConstant c) {
    return switch (c.getKind()) {
      case BOOLEAN_VALUE -> CodeBlock.of("$L", c.booleanValue());
      case INT64_VALUE -> CodeBlock.of("$LL", c.int64Value());
      case DOUBLE_VALUE -> {
        double d = c.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw unsupported("a non-finite double literal");
        }
        yield CodeBlock.of("$Ld", Double.toString(d));
      }
      case STRING_VALUE -> CodeBlock.of("$S", c.stringValue());
      case NULL_VALUE -> CodeBlock.of("(Object) null");
      default -> throw unsupported(c.getKind() + " literals");
    };
  }

  private CodeBlock ident(String name) {
    for (Map<String, Binding> scope : scopes) {
      Binding b = scope.get(name);
      if (b != null) {
        return b.accumulator
            ? CodeBlock.of("$T.val($N)", CEL, b.javaName)
            : CodeBlock.of("$N", b.javaName);
      }
    }
    if (name.equals("self")) {
      return CodeBlock.of("self");
    }
    if (name.equals("oldSelf")) {
      readsOldSelf = true;
      return CodeBlock.of("oldSelf");
    }
    throw unsupported("the identifier " + name);
  }

  private CodeBlock select(CelExpr e) {
    CelExpr operand = e.select().operand();
    String field = e.select().field();
    CelKind kind = ast.getType(operand.id()).map(CelType::kind).orElse(CelKind.DYN);
    // Struct fields carry escaped property names; map keys are what they say.
    String name = kind == CelKind.STRUCT ? SchemaTypes.unescape(field) : field;
    return CodeBlock.of(
        e.select().testOnly() ? "$T.has($L, $S)" : "$T.get($L, $S)", CEL, expr(operand), name);
  }

  private CodeBlock call(CelCall call) {
    String f = call.function();
    List<CelExpr> args = call.args();
    if (f.equals("_&&_") || f.equals("_||_")) {
      return CodeBlock.of(
          "$T.$L(() -> $L, () -> $L)",
          CEL,
          f.equals("_&&_") ? "and" : "or",
          expr(args.get(0)),
          expr(args.get(1)));
    }
    if (f.equals("_?_:_")) {
      return CodeBlock.of(
          "($T.truth($L) ? $L : $L)", CEL, expr(args.get(0)), expr(args.get(1)), expr(args.get(2)));
    }
    if (f.equals("@not_strictly_false") || f.equals("__not_strictly_false__")) {
      return CodeBlock.of("$T.notStrictlyFalse(() -> $L)", CEL, expr(args.get(0)));
    }
    if (f.equals("dyn") && call.target().isEmpty() && args.size() == 1) {
      return expr(args.get(0));
    }
    String op = OPERATORS.get(f);
    if (op != null) {
      return CodeBlock.of("$T.$L($L)", CEL, op, join(args));
    }
    if (call.target().isPresent()) {
      String method = MEMBERS.get(f + "/" + args.size());
      if (method == null) {
        throw unsupported("the function " + f + " with " + args.size() + " argument(s)");
      }
      CodeBlock target = expr(call.target().get());
      return args.isEmpty()
          ? CodeBlock.of("$T.$L($L)", CEL, method, target)
          : CodeBlock.of("$T.$L($L, $L)", CEL, method, target, join(args));
    }
    String method = GLOBALS.get(f + "/" + args.size());
    if (method == null) {
      throw unsupported("the function " + f + " with " + args.size() + " argument(s)");
    }
    return CodeBlock.of("$T.$L($L)", CEL, method, join(args));
  }

  private CodeBlock comprehension(CelComprehension c) {
    if (!c.iterVar2().isEmpty()) {
      throw unsupported("two-variable comprehensions");
    }
    CodeBlock range = expr(c.iterRange());
    CodeBlock init = expr(c.accuInit());
    depth++;
    String accu = "acc" + depth;
    String item = "it" + depth + "_" + javaSafe(c.iterVar());
    Map<String, Binding> accuScope = new HashMap<>();
    accuScope.put(c.accuVar(), new Binding(accu, true));
    scopes.push(accuScope);
    CodeBlock condition = expr(c.loopCondition());
    CodeBlock result = expr(c.result());
    Map<String, Binding> stepScope = new HashMap<>(accuScope);
    stepScope.put(c.iterVar(), new Binding(item, false));
    scopes.push(stepScope);
    CodeBlock step = expr(c.loopStep());
    scopes.pop();
    scopes.pop();
    depth--;
    return CodeBlock.of(
        "$T.fold($L, $L, $N -> $L, ($N, $N) -> $L, $N -> $L)",
        CEL,
        range,
        init,
        accu,
        condition,
        accu,
        item,
        step,
        accu,
        result);
  }

  private static String javaSafe(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      b.append(Character.isLetterOrDigit(ch) ? ch : '_');
    }
    return b.toString();
  }

  private CodeBlock join(List<CelExpr> args) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < args.size(); i++) {
      b.add(i == 0 ? "$L" : ", $L", expr(args.get(i)));
    }
    return b.build();
  }

  private static IllegalArgumentException unsupported(String what) {
    return new IllegalArgumentException("the CEL runtime does not support " + what);
  }

  private static CelFunctionDecl global(String name, String overload, CelType result) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newGlobalOverload(overload, result, SimpleType.STRING));
  }

  private static CelFunctionDecl member(String name, String overload) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(overload, SimpleType.STRING, URL));
  }
}
