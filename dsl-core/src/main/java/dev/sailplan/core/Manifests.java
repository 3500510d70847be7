package dev.sailplan.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.internal.ManifestParser;
import dev.sailplan.core.internal.Mappers;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import dev.sailplan.core.yaml.YamlWritable;
import dev.sailplan.core.yaml.internal.StreamingYamlWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renders resources as canonical YAML or JSON and parses manifests back into typed resources.
 *
 * <pre>{@code
 * String yaml = Manifests.toYaml(virtualService);            // canonical, byte-stable
 * List<Resource> parsed = Manifests.parse(Path.of("mesh.yaml")); // every document, typed
 * VirtualService vs = Manifests.parse(text, VirtualService.class);
 * }</pre>
 *
 * <p>Canonical means: apiVersion, kind, metadata, spec, status first, then schema order; map keys
 * sorted; strings quoted exactly when a YAML 1.1 or 1.2 reader would read them as something else
 * (see {@link CanonicalYaml}). Parsing is strict: unknown fields, wrong types and bad enum values
 * are {@link ManifestException}s naming the file, document, line and field path.
 */
public final class Manifests {
  private Manifests() {}

  /** The resource as a JSON tree in canonical key order. */
  public static JsonNode toTree(Resource resource) {
    return Mappers.json().valueToTree(resource);
  }

  /** One resource as canonical YAML. */
  public static String toYaml(Resource resource) {
    StringBuilder out = new StringBuilder(1024);
    append(resource, out);
    return out.toString();
  }

  /** Resources as one multi-document YAML stream, in the given order. */
  public static String toYaml(Collection<? extends Resource> resources) {
    // A guess to save regrowing, capped: it must neither overflow nor reserve gigabytes up front.
    StringBuilder out = new StringBuilder(1024 * Math.min(resources.size(), 4096));
    for (Resource r : resources) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      append(r, out);
    }
    return out.toString();
  }

  /**
   * Writes resources as one multi-document stream to {@code out} (a file, a socket), one at a time,
   * so that memory stays flat however many there are. It fails closed: the resources are validated
   * first ({@link Validation#standard()}), and when any has an Error finding nothing is written.
   *
   * @throws IOException when writing fails
   * @throws ValidationException when a resource has an Error finding; it lists every finding
   */
  public static void writeYaml(Iterable<? extends Resource> resources, Appendable out)
      throws IOException {
    Findings findings = Validation.standard().validate(resources);
    if (findings.hasErrors()) {
      throw new ValidationException(findings);
    }
    StringBuilder buffer = new StringBuilder(4096);
    boolean first = true;
    for (Resource r : resources) {
      buffer.setLength(0);
      if (!first) {
        buffer.append("---\n");
      }
      first = false;
      append(r, buffer);
      out.append(buffer);
    }
  }

  /**
   * Generated kinds write themselves in one pass ({@link YamlWritable}); other resources go through
   * their JSON tree. Both give the same bytes.
   */
  private static void append(Resource resource, StringBuilder out) {
    if (resource instanceof YamlWritable writable) {
      new StreamingYamlWriter(out).object(writable);
    } else {
      CanonicalYaml.write(toTree(resource), out);
    }
  }

  /** One resource as pretty JSON in canonical key order. */
  public static String toJson(Resource resource) {
    return CanonicalYaml.toJson(toTree(resource));
  }

  /**
   * Every resource in a YAML stream (documents, and the items of {@code kind: List}), resolved
   * through the kinds on the class path.
   *
   * @param sourceName names the input in problems, e.g. a file name
   * @throws ManifestException listing every problem
   */
  public static List<Resource> parse(String yaml, String sourceName) {
    return parse(yaml, sourceName, KindRegistry.discover());
  }

  /** Like {@link #parse(String, String)}, resolving kinds through {@code registry}. */
  public static List<Resource> parse(String yaml, String sourceName, KindRegistry registry) {
    return new ManifestParser(registry).parse(yaml, sourceName);
  }

  /**
   * Like {@link #parse(String, String)}, and an object defined twice in the stream (the same group,
   * kind, namespace and name, whatever the version) is a problem, located at the second definition
   * and naming the first: {@code mesh.yaml: document 3, line 12: VirtualService bookinfo/reviews is
   * already defined in document 1, line 1}. Use it for input that stands for a set of objects, such
   * as a desired state; {@code kubectl apply} would keep only the last.
   *
   * @param sourceName names the input in problems, e.g. a file name
   * @throws ManifestException listing every problem
   */
  public static List<Resource> parseUnique(String yaml, String sourceName) {
    return new ManifestParser(KindRegistry.discover()).parseUnique(yaml, sourceName);
  }

  /**
   * Every resource in a YAML file, each object once; see {@link #parseUnique(String, String)}. The
   * file is read as {@link ManifestText#read(Path)} reads it: strictly UTF-8.
   *
   * @throws IOException when the file cannot be read
   * @throws ManifestException listing every problem
   */
  public static List<Resource> parseUnique(Path file) throws IOException {
    List<Resource> out = new ArrayList<>();
    forEachUniqueResource(file, out::add);
    return out;
  }

  /**
   * Every resource in a YAML file, read as {@link ManifestText#read(Path)} reads it: strictly
   * UTF-8.
   *
   * @throws IOException when the file cannot be read
   * @throws ManifestException listing every problem
   */
  public static List<Resource> parse(Path file) throws IOException {
    List<Resource> out = new ArrayList<>();
    forEachResource(file, out::add);
    return out;
  }

  /**
   * Reads a YAML stream document by document, handing each resource to {@code each} as soon as its
   * document is read, so that memory stays flat however many documents there are (only one
   * document's text is held at a time). Problems are collected and thrown after the last document:
   * {@code each} may have seen resources of a stream that turns out to be invalid, so a caller that
   * must not act on invalid input writes to a temporary place first.
   *
   * <pre>{@code
   * try (Reader in = Files.newBufferedReader(file)) {
   *   Manifests.forEachResource(in, file.toString(), r -> out.append(Manifests.toYaml(r)));
   * }
   * }</pre>
   *
   * @param sourceName names the input in problems, e.g. a file name
   * @throws IOException when reading fails
   * @throws ManifestException listing every problem, including text that is not UTF-8
   */
  public static void forEachResource(Reader in, String sourceName, Consumer<? super Resource> each)
      throws IOException {
    forEach(in, sourceName, false, false, each);
  }

  private static void forEach(
      Reader in, String sourceName, boolean unique, Consumer<? super Resource> each)
      throws IOException {
    forEach(in, sourceName, unique, false, each);
  }

  private static void forEach(
      Reader in, String sourceName, boolean unique, boolean mixed, Consumer<? super Resource> each)
      throws IOException {
    try {
      new ManifestParser(KindRegistry.discover(), mixed).forEach(in, sourceName, unique, each);
    } catch (CharacterCodingException e) {
      throw new ManifestException(List.of(new Problem(sourceName, 0, 0, "", "not valid UTF-8")));
    }
  }

  private static void forEach(Path file, boolean unique, Consumer<? super Resource> each)
      throws IOException {
    try (Reader in = ManifestText.open(file)) {
      new ManifestParser(KindRegistry.discover()).forEach(in, file.toString(), unique, each);
    } catch (CharacterCodingException e) {
      // Only a file that is not UTF-8 pays for reading it again (as a stream), to name the line.
      throw new ManifestException(List.of(ManifestParser.notUtf8(file, file.toString())));
    }
  }

  /**
   * Like {@link #forEachResource(Reader, String, Consumer)}, and an object defined twice is a
   * problem, as in {@link #parseUnique(String, String)}. Keeps a few bytes per object read.
   *
   * @throws IOException when reading fails
   * @throws ManifestException listing every problem
   */
  public static void forEachUniqueResource(
      Reader in, String sourceName, Consumer<? super Resource> each) throws IOException {
    forEach(in, sourceName, true, each);
  }

  /**
   * {@link #forEachResource(Reader, String, Consumer)} on a UTF-8 file, named by its path in
   * problems.
   *
   * @throws IOException when the file cannot be read
   * @throws ManifestException listing every problem
   */
  public static void forEachResource(Path file, Consumer<? super Resource> each)
      throws IOException {
    forEach(file, false, each);
  }

  /**
   * {@link #forEachUniqueResource(Reader, String, Consumer)} on a UTF-8 file, named by its path in
   * problems.
   *
   * @throws IOException when the file cannot be read
   * @throws ManifestException listing every problem
   */
  public static void forEachUniqueResource(Path file, Consumer<? super Resource> each)
      throws IOException {
    forEach(file, true, each);
  }

  /**
   * Like {@link #parse(String, String)}, and mixed input is read too: a Kubernetes kind Sailplan
   * does not model as a type (a Deployment, StatefulSet, DaemonSet, ConfigMap, Secret, Role, …)
   * becomes a {@link GenericObject} that keeps every field and renders back as written, in
   * canonical key order. Its metadata is checked as strictly as any kind's. An unknown kind or
   * version of a group Sailplan models (Istio, the Gateway API) stays a problem, and so does a kind
   * of any other group (a CRD of another project).
   *
   * <p>{@link #parse(String, String)} keeps refusing unmodelled kinds: use this reading for input
   * that describes a cluster (what {@code sailplan plan} and {@code fmt} read, a composite's
   * current state), that one for input that should hold mesh configuration only.
   *
   * <pre>{@code
   * List<Resource> current = Manifests.parseMixed(kubectlGetOutput, "live.yaml");
   * }</pre>
   *
   * @param sourceName names the input in problems, e.g. a file name
   * @throws ManifestException listing every problem
   */
  public static List<Resource> parseMixed(String yaml, String sourceName) {
    return new ManifestParser(KindRegistry.discover(), true).parse(yaml, sourceName);
  }

  /**
   * Like {@link #parseMixed(String, String)}, and an object defined twice is a problem, as in
   * {@link #parseUnique(String, String)}.
   *
   * @param sourceName names the input in problems, e.g. a file name
   * @throws ManifestException listing every problem
   */
  public static List<Resource> parseMixedUnique(String yaml, String sourceName) {
    return new ManifestParser(KindRegistry.discover(), true).parseUnique(yaml, sourceName);
  }

  /**
   * Like {@link #forEachUniqueResource(Reader, String, Consumer)}, reading mixed input as {@link
   * #parseMixed(String, String)} does.
   *
   * @throws IOException when reading fails
   * @throws ManifestException listing every problem
   */
  public static void forEachMixedUniqueResource(
      Reader in, String sourceName, Consumer<? super Resource> each) throws IOException {
    forEach(in, sourceName, true, true, each);
  }

  /**
   * Exactly one resource of the given type.
   *
   * @throws ManifestException when the text is not exactly one manifest of that type
   */
  public static <T extends Resource> T parse(String yaml, Class<T> type) {
    List<Resource> all = parse(yaml, "", KindRegistry.discover());
    if (all.size() != 1 || !type.isInstance(all.get(0))) {
      String found = all.size() == 1 ? all.get(0).kind() : all.size() + " documents";
      throw new ManifestException(
          List.of(
              new Problem(
                  "", 0, 0, "", "expected one " + type.getSimpleName() + ", found " + found)));
    }
    return type.cast(all.get(0));
  }
}
