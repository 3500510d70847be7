package dev.sailplan.javaimport;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.javaimport.internal.ClassWriter;
import dev.sailplan.javaimport.internal.Comments;
import dev.sailplan.javaimport.internal.YamlComments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * Java source that builds existing manifests with the DSL: a class implementing {@code
 * ManifestSource} with one method per resource, using the hand-written factories ({@code routeTo},
 * {@code exact}, {@code seconds}, {@code ObjectMeta.ref}, …) where one gives exactly the value and
 * builders otherwise. The source compiles against the Sailplan libraries and renders back
 * semantically equal to its input.
 *
 * <pre>{@code
 * String java = JavaImport.ofYaml(Files.readString(Path.of("reviews.yaml")), "reviews.yaml")
 *     .packageName("com.acme.mesh")
 *     .className("MeshConfig")
 *     .toSource();
 * }</pre>
 *
 * gives, for a VirtualService {@code bookinfo/reviews}:
 *
 * <pre>{@code
 * private static VirtualService reviewsVirtualService() {
 *   return virtualService("bookinfo/reviews", VirtualServiceSpec.builder()
 *       .addHosts("reviews")
 *       .addHttp(HTTPRoute.builder()
 *           .addRoute(routeTo("reviews", "v1"))
 *           .build())
 *       .build());
 * }
 * }</pre>
 *
 * <p>Comments of the input are kept: a comment on a field that the code sets with its own builder
 * call stands on the line before that call; the document's leading comments, and comments on fields
 * the code sets inside a factory call, go to the method's Javadoc. Kinds Sailplan does not model
 * (Deployments, ConfigMaps, …) are carried as {@code GenericObject}s built from their fields, with
 * a note in the method's Javadoc; kinds of other API groups are refused when the YAML is read.
 *
 * <p>Instances are immutable: each method returns a new one.
 */
public final class JavaImport {
  private final List<ClassWriter.Entry> entries;
  private final List<String> sources;
  private final String packageName;
  private final String className;

  private JavaImport(
      List<ClassWriter.Entry> entries, List<String> sources, String packageName, String className) {
    this.entries = List.copyOf(entries);
    this.sources = List.copyOf(sources);
    this.packageName = packageName;
    this.className = className;
  }

  /** An import of these resources, without comments. */
  public static JavaImport of(Collection<? extends Resource> resources) {
    List<ClassWriter.Entry> entries = new ArrayList<>();
    for (Resource r : resources) {
      entries.add(new ClassWriter.Entry(Objects.requireNonNull(r, "resource"), Comments.none()));
    }
    return new JavaImport(entries, List.of(), "", "Manifests");
  }

  /**
   * An import of a YAML stream, read as {@link Manifests#parseMixed(String, String)} reads it
   * (kinds Sailplan does not model become generic objects), with its comments.
   *
   * @param sourceName names the input in problems and in the class's Javadoc
   * @throws dev.sailplan.core.problem.ManifestException listing every problem of the input
   */
  public static JavaImport ofYaml(String yaml, String sourceName) {
    List<Resource> resources = Manifests.parseMixedUnique(yaml, sourceName);
    List<Comments> comments = YamlComments.read(yaml);
    boolean aligned = comments.size() == resources.size();
    List<ClassWriter.Entry> entries = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      entries.add(
          new ClassWriter.Entry(resources.get(i), aligned ? comments.get(i) : Comments.none()));
    }
    return new JavaImport(entries, List.of(sourceName), "", "Manifests");
  }

  /** This import followed by the resources of {@code other}, in one class. */
  public JavaImport and(JavaImport other) {
    List<ClassWriter.Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    List<String> names = new ArrayList<>(sources);
    names.addAll(other.sources);
    return new JavaImport(all, names, packageName, className);
  }

  /**
   * The package of the class; the default is the unnamed package.
   *
   * @throws IllegalArgumentException when it is not a valid package name
   */
  public JavaImport packageName(String name) {
    if (!name.isEmpty() && !SourceVersion.isName(name)) {
      throw new IllegalArgumentException("not a valid package name: " + name);
    }
    return new JavaImport(entries, sources, name, className);
  }

  /**
   * The simple name of the class; the default is {@code Manifests}.
   *
   * @throws IllegalArgumentException when it is not a valid class name
   */
  public JavaImport className(String name) {
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new IllegalArgumentException("not a valid class name: " + name);
    }
    return new JavaImport(entries, sources, packageName, name);
  }

  /**
   * The Java source of the class.
   *
   * @throws IllegalArgumentException when a value cannot be written as Java (a null inside a
   *     free-form field)
   */
  public String toSource() {
    return file().toString();
  }

  /**
   * Writes the class to {@code directory/package/path/ClassName.java}, atomically: a temporary file
   * beside it renamed over it.
   *
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public Path writeTo(Path directory) throws IOException {
    String source = toSource();
    Path dir = directory;
    if (!packageName.isEmpty()) {
      for (String part : packageName.split("\\.", -1)) {
        dir = dir.resolve(part);
      }
    }
    Files.createDirectories(dir);
    Path target = dir.resolve(className + ".java");
    Path temp = Files.createTempFile(dir, "." + className, ".tmp");
    try {
      Files.writeString(temp, source, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** How many resources the class builds. */
  public int size() {
    return entries.size();
  }

  private com.palantir.javapoet.JavaFile file() {
    return ClassWriter.write(packageName, className, entries, sources);
  }
}
