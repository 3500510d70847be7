package dev.sailplan.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.codegen.config.CodegenConfig;
import dev.sailplan.codegen.crd.CrdReader;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.model.TypeDef.ObjectDef;
import dev.sailplan.codegen.model.TypeDef.ResourceDef;
import dev.sailplan.codegen.naming.NamingStrategy;
import dev.sailplan.codegen.schema.ScalarKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixture");

  private static List<CrdVersion> widgets() throws IOException {
    return CrdReader.read(FIXTURE.resolve("widgets-schema.yaml"));
  }

  private static CodegenConfig config(Map<String, String> names) {
    return new CodegenConfig(
        List.of("widgets-schema.yaml"),
        "src",
        "res",
        "dev.example.Kinds",
        Map.of("example.dev/v1", "dev.example.v1"),
        List.of(),
        names,
        List.of());
  }

  private static PackageModel build(Map<String, String> names, List<CrdVersion> crds) {
    List<PackageModel> packages = new ModelBuilder(new NamingStrategy(), config(names)).build(crds);
    assertEquals(1, packages.size());
    return packages.get(0);
  }

  @Test
  void servedVersionsWithTheSameSchemaShareOneTypeAndUnservedOnesAreIgnored() throws IOException {
    PackageModel p = build(Map.of(), widgets());
    ResourceDef widget =
        (ResourceDef) p.types().stream().filter(t -> t.name().equals("Widget")).findFirst().get();
    assertEquals(List.of("v1", "v1beta1"), widget.versions());
    assertEquals("example.dev", widget.group());
  }

  @Test
  void typesAreNamedAndAnIdenticalStructureIsOneType() throws IOException {
    PackageModel p = build(Map.of("Widget:spec.parts[]", "Part"), widgets());
    assertEquals(
        List.of("WidgetSpec", "WidgetSpecMode", "Part", "Widget"),
        p.types().stream().map(TypeDef::name).toList());
    ObjectDef spec = (ObjectDef) p.types().get(0);
    Map<String, TypeRef> types = new java.util.LinkedHashMap<>();
    spec.fields().forEach(f -> types.put(f.jsonName(), f.type()));
    assertEquals(new TypeRef.Named("Part"), types.get("spare"));
    assertEquals(new TypeRef.ListOf(new TypeRef.Named("Part")), types.get("parts"));
    assertEquals(new TypeRef.Scalar(ScalarKind.DURATION), types.get("timeout"));
    assertEquals(new TypeRef.Scalar(ScalarKind.INT_OR_STRING), types.get("port"));
    assertEquals(new TypeRef.Scalar(ScalarKind.INT32), types.get("size"));
    assertEquals(new TypeRef.Scalar(ScalarKind.INT64), types.get("count"));
    assertEquals(new TypeRef.MapOf(new TypeRef.Scalar(ScalarKind.STRING)), types.get("labels"));
    assertEquals(new TypeRef.Json(), types.get("extra"));
    ObjectDef part = (ObjectDef) p.types().get(2);
    assertEquals(List.of(List.of("exact", "prefix")), part.oneOfGroups());
  }

  @Test
  void configuredPathSuffixesTypeStringsAsDurations() throws IOException {
    CodegenConfig withDurations =
        new CodegenConfig(
            List.of("widgets-schema.yaml"),
            "src",
            "res",
            "dev.example.Kinds",
            Map.of("example.dev/v1", "dev.example.v1"),
            List.of(),
            Map.of(),
            List.of("spec.name"));
    PackageModel p = new ModelBuilder(new NamingStrategy(), withDurations).build(widgets()).get(0);
    ObjectDef spec = (ObjectDef) p.types().get(0);
    assertEquals(
        new TypeRef.Scalar(ScalarKind.DURATION),
        spec.fields().stream()
            .filter(f -> f.jsonName().equals("name"))
            .findFirst()
            .orElseThrow()
            .type());
  }

  @Test
  void aServedVersionWithAnotherSchemaIsRejected() throws IOException {
    String text =
        Files.readString(FIXTURE.resolve("widgets-schema.yaml"))
            .replaceFirst("(?s)(name: v1beta1.*?)maxLength: 63", "$1maxLength: 64");
    List<CrdVersion> crds = CrdReader.read("changed.yaml", new StringReader(text));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> build(Map.of(), crds));
    assertEquals(
        "Widget v1beta1 differs from v1 at .properties.spec.properties.name.maxLength;"
            + " it cannot share the v1 types",
        e.getMessage());
  }

  @Test
  void aNamingTableEntryThatMatchesNothingIsRejected() throws IOException {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> build(Map.of("Widget:spec.partz[]", "Part"), widgets()));
    assertEquals(
        "naming table entries match no object or enum: [Widget:spec.partz[]]", e.getMessage());
  }

  @Test
  void aGroupVersionWithoutPackageIsRejected() throws IOException {
    CodegenConfig noPackage =
        new CodegenConfig(
            List.of("x"),
            "src",
            "res",
            "dev.example.Kinds",
            Map.of(),
            List.of(),
            Map.of(),
            List.of());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new ModelBuilder(new NamingStrategy(), noPackage).build(widgets()));
    assertEquals(
        "no Java package configured for example.dev/v1 (kind Widget); add it under 'packages'",
        e.getMessage());
  }
}
