package dev.sailplan.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.codegen.config.CodegenConfig;
import dev.sailplan.codegen.crd.CrdReader;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.model.TypeDef.ObjectDef;
import dev.sailplan.codegen.naming.NamingStrategy;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A structure that several API groups share becomes one type in one package. */
class SharedTypesTest {
  private static final Path GADGETS = Path.of("src/test/resources/fixture/gadgets-schema.yaml");
  private static final Map<String, String> PACKAGES =
      Map.of(
          "gadgets.example.dev/v1",
          "dev.example.gadgets.v1",
          "gizmos.example.dev/v1",
          "dev.example.gizmos.v1");
  private static final String SELECTOR = "dev.example.common.Selector";

  private static List<PackageModel> build(
      Map<String, String> names, Map<String, List<String>> shared, List<CrdVersion> crds) {
    CodegenConfig config =
        new CodegenConfig(
            List.of("gadgets-schema.yaml"),
            "src",
            "res",
            "dev.example.Kinds",
            PACKAGES,
            List.of(),
            names,
            List.of(),
            null,
            null,
            shared);
    return new ModelBuilder(new NamingStrategy(), config).build(crds);
  }

  private static List<PackageModel> build(Map<String, List<String>> shared, List<CrdVersion> crds) {
    return build(Map.of(), shared, crds);
  }

  private static List<CrdVersion> gadgets() throws IOException {
    return CrdReader.read(GADGETS);
  }

  private static List<CrdVersion> gadgetsWith(String regex, String replacement) throws IOException {
    String text = Files.readString(GADGETS).replaceFirst(regex, replacement);
    return CrdReader.read("changed.yaml", new StringReader(text));
  }

  private static final Map<String, List<String>> SHARED =
      Map.of(SELECTOR, List.of("Gadget:spec.selector", "Gizmo:spec.selector"));

  private static PackageModel inPackage(List<PackageModel> packages, String javaPackage) {
    return packages.stream()
        .filter(p -> p.javaPackage().equals(javaPackage))
        .findFirst()
        .orElseThrow();
  }

  private static TypeRef field(PackageModel p, String type, String json) {
    ObjectDef o =
        (ObjectDef) p.types().stream().filter(t -> t.name().equals(type)).findFirst().orElseThrow();
    return o.fields().stream()
        .filter(f -> f.jsonName().equals(json))
        .findFirst()
        .orElseThrow()
        .type();
  }

  @Test
  void aSharedStructureIsGeneratedOnceInItsOwnPackage() throws IOException {
    List<PackageModel> packages = build(SHARED, gadgets());
    assertEquals(
        List.of("dev.example.gadgets.v1", "dev.example.gizmos.v1", "dev.example.common"),
        packages.stream().map(PackageModel::javaPackage).toList());
    PackageModel common = inPackage(packages, "dev.example.common");
    assertEquals(
        List.of("Selector", "SelectorScope"), common.types().stream().map(TypeDef::name).toList());
    assertEquals(List.of("gadgets.example.dev/v1", "gizmos.example.dev/v1"), common.apiVersions());
    assertTrue(common.shared());
    // The kinds describe their selectors differently; the shared type says who shares it.
    assertEquals("Shared by Gadget, Gizmo.", ((ObjectDef) common.types().get(0)).description());
    assertEquals(
        List.of("GadgetSpec", "Gadget"),
        inPackage(packages, "dev.example.gadgets.v1").types().stream().map(TypeDef::name).toList());
    TypeRef shared = new TypeRef.Named("Selector", "dev.example.common");
    assertEquals(
        shared, field(inPackage(packages, "dev.example.gadgets.v1"), "GadgetSpec", "selector"));
    assertEquals(
        shared, field(inPackage(packages, "dev.example.gizmos.v1"), "GizmoSpec", "selector"));
    // Gizmo's owner is not listed but has exactly the structure: it shares the type as well.
    assertEquals(shared, field(inPackage(packages, "dev.example.gizmos.v1"), "GizmoSpec", "owner"));
  }

  @Test
  void withoutTheSharedEntryEachGroupHasItsOwnCopy() throws IOException {
    List<PackageModel> packages = build(Map.of(), gadgets());
    assertEquals(
        List.of("dev.example.gadgets.v1", "dev.example.gizmos.v1"),
        packages.stream().map(PackageModel::javaPackage).toList());
    assertEquals(
        new TypeRef.Named("Selector"),
        field(inPackage(packages, "dev.example.gizmos.v1"), "GizmoSpec", "selector"));
  }

  @Test
  void anOccurrenceWithOtherConstraintsIsRejected() throws IOException {
    List<CrdVersion> crds =
        gadgetsWith("(?s)(kind: Gizmo.*?)maxProperties: 8", "$1maxProperties: 16");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> build(SHARED, crds));
    assertEquals(
        "shared type dev.example.common.Selector: Gizmo spec.selector differs from Gadget spec.selector"
            + " at .matchLabels: maxItems 16 vs 8; only identical structures can share one type",
        e.getMessage());
  }

  @Test
  void anOccurrenceWithOtherPropertiesIsRejected() throws IOException {
    List<CrdVersion> crds = gadgetsWith("(?s)(kind: Gizmo.*?selector:.*?)scope:", "$1zone:");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> build(SHARED, crds));
    assertEquals(
        "shared type dev.example.common.Selector: Gizmo spec.selector differs from Gadget spec.selector"
            + " at the root: properties [matchLabels, zone] vs [matchLabels, scope]; only identical structures can"
            + " share one type",
        e.getMessage());
  }

  @Test
  void anUnlistedOccurrenceWithOtherConstraintsKeepsItsOwnType() throws IOException {
    List<CrdVersion> crds = gadgetsWith("(?s)(owner:.*?)maxProperties: 8", "$1maxProperties: 16");
    PackageModel gizmos = inPackage(build(SHARED, crds), "dev.example.gizmos.v1");
    assertEquals(new TypeRef.Named("Owner"), field(gizmos, "GizmoSpec", "owner"));
  }

  @Test
  void aSharedEntryThatMatchesNothingIsRejected() throws IOException {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> build(Map.of(SELECTOR, List.of("Gadget:spec.selektor")), gadgets()));
    assertEquals("shared entries match no object: [Gadget:spec.selektor]", e.getMessage());
  }

  @Test
  void aPathBothNamedAndSharedIsRejected() throws IOException {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> build(Map.of("Gadget:spec.selector", "Selector"), SHARED, gadgets()));
    assertEquals(
        "Gadget:spec.selector is listed under 'names' and under 'shared' (dev.example.common.Selector);"
            + " a shared type is named by its qualified name only",
        e.getMessage());
  }

  @Test
  void aNamingTableEntryForAnUnlistedOccurrenceIsRejected() throws IOException {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> build(Map.of("Gizmo:spec.owner", "Owner"), SHARED, gadgets()));
    assertEquals(
        "naming table entry Gizmo:spec.owner names a structure of shared type dev.example.common.Selector;"
            + " list the path under 'shared' instead",
        e.getMessage());
  }

  @Test
  void onlyObjectsCanBeShared() throws IOException {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> build(Map.of(SELECTOR, List.of("Gadget:spec.selector.scope")), gadgets()));
    assertEquals(
        "shared entry Gadget:spec.selector.scope (dev.example.common.Selector) is not an object",
        e.getMessage());
  }

  @Test
  void aSharedTypeNeedsAQualifiedName() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> build(Map.of("Selector", List.of("Gadget:spec.selector")), gadgets()));
    assertEquals("shared type Selector is not a usable qualified Java name", e.getMessage());
  }
}
