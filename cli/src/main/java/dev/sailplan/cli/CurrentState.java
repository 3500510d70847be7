package dev.sailplan.cli;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.problem.ManifestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code --current} of {@code sailplan rollout}: a file, a folder (every {@code *.yaml} and
 * {@code *.yml} below it, sorted) or {@code -}, with mixed kinds and {@code kind: List}.
 *
 * <p>Kubernetes kinds Sailplan does not model (Deployment, ConfigMap, …) are read as generic
 * objects ({@link Manifests#parseMixedUnique}), so the planner orders workloads before the subsets
 * that select their pods; unknown kinds of a group Sailplan models (an Istio or Gateway API typo)
 * stay errors.
 */
final class CurrentState {
  private CurrentState() {}

  /**
   * The current state given as {@code --current}: every object of every file.
   *
   * @throws ManifestException naming the file, document, line and field of every problem, or an
   *     object defined twice
   */
  static State read(String argument, InputStream stdin) {
    List<Resource> all = new ArrayList<>();
    for (String file : files(argument)) {
      String source = "--current " + Inputs.display(file);
      String text;
      try {
        text = Inputs.read(file, source, stdin);
      } catch (OutOfMemoryError e) {
        throw new ManifestException(List.of(Inputs.tooLarge(source)));
      }
      all.addAll(Manifests.parseMixedUnique(text, source));
    }
    try {
      return State.of(all);
    } catch (IllegalArgumentException e) {
      // An object defined twice across files, or one without a name.
      throw Inputs.problem("--current " + Inputs.display(argument), e.getMessage());
    }
  }

  /** The files {@code argument} names: itself, or the manifests below a folder, sorted. */
  private static List<String> files(String argument) {
    String source = "--current " + Inputs.display(argument);
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw Inputs.problem(source, Inputs.invalidPath(e));
    }
    if (argument.equals(Inputs.STDIN) || argument.isEmpty() || !Files.isDirectory(path)) {
      return List.of(argument);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<String> found =
          walk.filter(Files::isRegularFile)
              .map(Path::toString)
              .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
              .sorted()
              .toList();
      if (found.isEmpty()) {
        throw Inputs.problem(source, "no *.yaml or *.yml files in this folder");
      }
      return found;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw Inputs.problem(source, "cannot read: " + IoErrors.reason(cause, path));
    }
  }
}
