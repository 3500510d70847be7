package dev.sailplan.maven;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.PlanSource;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.PlanOptions;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Renders the project's {@link ManifestSource} and {@link PlanSource} classes: instantiates each of
 * {@code <sources>} from the compiled classes, validates everything they produce, and only when no
 * finding is an Error (or at least {@code <failOn>}) writes canonical YAML to {@code
 * <outputDirectory>}: one file per resource ({@code <layout>files</layout>}, {@code
 * NAMESPACE/KIND-NAME.yaml}, {@code _cluster/} for cluster-scoped ones, the kind qualified by its
 * group outside the core group) or one stream ({@code manifests.yaml}), and each plan as a plan
 * folder under {@code plans/}. Unchanged files and plan folders are not rewritten, and what an
 * earlier run wrote and this one does not is deleted.
 */
@Mojo(
    name = "render",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class RenderMojo extends AbstractSailplanMojo {
  /** The stream file of {@code <layout>stream</layout>}. */
  static final String STREAM = "manifests.yaml";

  /** The folder plans are written into. */
  static final String PLANS = "plans";

  /** Fully qualified names of classes implementing {@link ManifestSource} or {@link PlanSource}. */
  @Parameter(required = true)
  List<String> sources = new ArrayList<>();

  /** Where the YAML goes. */
  @Parameter(
      property = "sailplan.outputDirectory",
      defaultValue = "${project.build.directory}/sailplan")
  File outputDirectory;

  /** {@code files} (one file per resource) or {@code stream} (one {@code manifests.yaml}). */
  @Parameter(property = "sailplan.layout", defaultValue = "files")
  String layout;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Creates the goal (Maven does). */
  public RenderMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping sailplan:render");
      return;
    }
    boolean stream = layout(layout);
    Level threshold = failLevel();
    Validation validation = validation();
    if (sources.isEmpty()) {
      throw new MojoExecutionException(
          "<sources> names no class: list the ManifestSource and PlanSource classes to render");
    }
    List<Resource> resources = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    try (URLClassLoader loader = projectLoader()) {
      for (String name : sources) {
        collect(load(loader, name.strip()), resources, plans);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot close the project's class loader", e);
    }
    Render render = render(resources, plans, validation, stream);
    Findings findings = render.findings();
    log(findings);
    // An Error is never written, whatever failOn says: the API server or istiod would refuse it.
    failIfNeeded(
        findings, threshold == null ? Level.ERROR : threshold, "sailplan:render wrote nothing");
    write(render, plans, validation);
  }

  static boolean layout(String layout) throws MojoExecutionException {
    return switch (layout == null ? "" : layout.strip()) {
      case "files" -> false;
      case "stream" -> true;
      default ->
          throw new MojoExecutionException("<layout> '" + layout + "' must be files or stream");
    };
  }

  private URLClassLoader projectLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("cannot read the project's class path", e);
    }
    // The plugin's realm comes first: Sailplan's own types (ManifestSource, the kinds) must be the
    // ones the plugin validates and renders with, and the BOM keeps the versions equal.
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  private static Object load(ClassLoader loader, String name) throws MojoExecutionException {
    Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new MojoExecutionException(
          "<sources> " + name + ": no such class in the project's compiled classes", e);
    }
    if (!ManifestSource.class.isAssignableFrom(type) && !PlanSource.class.isAssignableFrom(type)) {
      throw new MojoExecutionException(
          "<sources> " + name + " implements neither ManifestSource nor PlanSource");
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new MojoExecutionException(
          "<sources> "
              + name
              + " must be a public, concrete class with a public no-arg constructor");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      return constructor.newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new MojoExecutionException(
          "<sources> " + name + " must have a public no-arg constructor", e);
    } catch (InvocationTargetException e) {
      throw new MojoExecutionException(
          "<sources> " + name + ": its constructor threw " + e.getCause(), e.getCause());
    }
  }

  private static void collect(Object source, List<Resource> resources, List<Plan> plans)
      throws MojoExecutionException {
    String name = source.getClass().getName();
    try {
      if (source instanceof ManifestSource m) {
        resources.addAll(List.copyOf(m.manifests()));
      }
      if (source instanceof PlanSource p) {
        plans.addAll(List.copyOf(p.plans()));
      }
    } catch (RuntimeException e) {
      // A builder's check (a required field, a weight that does not add up) says what is wrong.
      throw new MojoExecutionException(name + ": " + e.getMessage(), e);
    }
  }

  /** What a run would write, and what validation found. */
  record Render(SortedMap<String, String> files, Findings findings) {}

  /** Validates everything and renders the manifests' files (the plans are written apart). */
  static Render render(
      List<Resource> resources, List<Plan> plans, Validation validation, boolean stream)
      throws MojoExecutionException {
    State state;
    try {
      state = State.of(resources);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<sources> define an object twice: " + e.getMessage(), e);
    }
    Set<String> planNames = new TreeSet<>();
    Set<Finding> found = new LinkedHashSet<>(validation.validate(state.resources()).all());
    for (Plan plan : plans) {
      if (!planNames.add(plan.name())) {
        throw new MojoExecutionException("<sources> define two plans named " + plan.name());
      }
      found.addAll(planFindings(plan, validation).all());
    }
    SortedMap<String, String> files = new TreeMap<>();
    if (stream) {
      if (!state.isEmpty()) {
        files.put(STREAM, Manifests.toYaml(state.resources()));
      }
    } else {
      for (Resource r : state.resources()) {
        files.put(fileName(r), Manifests.toYaml(r));
      }
    }
    return new Render(files, Findings.of(found));
  }

  /**
   * What the plan applies, each change also checked against the version it replaces (as {@link
   * PlanWriter} checks it), with this build's validation options.
   */
  static Findings planFindings(Plan plan, Validation validation) {
    return validation.validatePlan(plan);
  }

  /**
   * {@code NAMESPACE/KIND-NAME.yaml}: the kind in lower case, followed by its group outside the
   * core group ({@code gateway.networking.istio.io}, {@code gateway.gateway.networking.k8s.io}), so
   * that kinds of one name in two groups never share a file; {@code _cluster/} (never a namespace's
   * name) for cluster-scoped objects.
   */
  static String fileName(Resource r) {
    String kind = r.kind().toLowerCase(Locale.ROOT);
    String qualified = r.group().isEmpty() ? kind : kind + "." + r.group();
    String name = r.metadata().name().orElse(r.metadata().generateName().orElse("unnamed"));
    String folder = r.metadata().namespace().orElse("_cluster");
    return folder + "/" + qualified + "-" + name + ".yaml";
  }

  private void write(Render render, List<Plan> plans, Validation validation)
      throws MojoExecutionException {
    Path out = outputDirectory.toPath();
    OutputFolder folder = new OutputFolder(out);
    SortedSet<String> planFolders = new TreeSet<>();
    try {
      for (Plan plan : plans) {
        PlanWriter.write(plan, out.resolve(PLANS), PlanOptions.defaults(), validation);
        planFolders.add(PLANS + "/" + plan.name());
      }
      OutputFolder.Result result = folder.write(render.files(), planFolders);
      getLog()
          .info(
              String.format(
                  Locale.ROOT,
                  "Rendered %d file%s and %d plan%s into %s (%d written, %d unchanged, %d deleted)",
                  render.files().size(),
                  render.files().size() == 1 ? "" : "s",
                  plans.size(),
                  plans.size() == 1 ? "" : "s",
                  project.getBasedir().toPath().relativize(out.toAbsolutePath()),
                  result.written(),
                  result.unchanged(),
                  result.deleted()));
    } catch (ValidationException e) {
      throw new MojoExecutionException("sailplan:render: a plan was refused:\n" + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("sailplan:render: cannot write " + out + ": " + e, e);
    }
  }
}
