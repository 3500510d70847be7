package dev.sailplan.testing;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.opentest4j.AssertionFailedError;

/**
 * Snapshot tests of canonical YAML on ApprovalTests: the rendered resources must be the reviewed
 * file {@code src/test/resources/<package>/<TestClass>.<name>.approved.yaml}.
 *
 * <pre>{@code
 * @Test
 * void bookinfo() {
 *   Snapshots.verify(List.of(gateway, route, rule)); // ...SnapshotTest.bookinfo.approved.yaml
 * }
 * }</pre>
 *
 * <p>With {@code -Dsailplan.approve=true} every verified file is rewritten with what was received
 * (ApprovalTests' auto-approving reporter) and the test passes: review the diff like code, it is
 * the product's output. Without it, a difference fails the test with the semantic differences and
 * the first differing line, and leaves the received file beside the approved one (ignored by git).
 */
public final class Snapshots {
  /** The system property that approves what is received. */
  public static final String APPROVE = "sailplan.approve";

  private static final Path RESOURCES = Path.of("src", "test", "resources");

  private Snapshots() {}

  /**
   * Verifies resources' canonical YAML against the approved file named after the calling test
   * method.
   *
   * @param resources the objects, in the order they are to be written
   */
  public static void verify(List<? extends Resource> resources) {
    StackWalker.StackFrame caller = caller();
    verify(caller.getDeclaringClass(), caller.getMethodName(), resources);
  }

  /**
   * Verifies resources' canonical YAML against {@code <TestClass>.<name>.approved.yaml}, for tests
   * that verify several snapshots (dynamic or parameterized tests).
   *
   * @param name the snapshot's name within the test class
   * @param resources the objects, in the order they are to be written
   */
  public static void verify(String name, List<? extends Resource> resources) {
    verify(caller().getDeclaringClass(), name, resources);
  }

  private static void verify(Class<?> test, String name, List<? extends Resource> resources) {
    Path dir = RESOURCES;
    if (!test.getPackageName().isEmpty()) {
      dir = dir.resolve(test.getPackageName().replace('.', File.separatorChar));
    }
    verifyFile(dir.resolve(test.getSimpleName() + "." + name + ".approved.yaml"), resources);
  }

  /**
   * Verifies resources' canonical YAML against an approved file at a path of your choosing.
   *
   * @param approved the approved file, ending in {@code .approved.yaml} or {@code .yaml}
   * @param resources the objects, in the order they are to be written
   */
  public static void verifyFile(Path approved, List<? extends Resource> resources) {
    verifyText(approved, Manifests.toYaml(resources));
  }

  /**
   * Verifies text against an approved file at a path of your choosing.
   *
   * @param approved the approved file
   * @param received what the test produced
   */
  public static void verifyText(Path approved, String received) {
    boolean approve = Boolean.getBoolean(APPROVE);
    if (!approve && !Files.isRegularFile(approved)) {
      throw new AssertionFailedError(
          "no approved file " + approved + "; run with -D" + APPROVE + "=true and review it");
    }
    String before = approve ? "" : read(approved);
    Options options =
        new Options()
            .withReporter(approve ? new AutoApproveReporter() : new QuietReporter())
            .forFile()
            .withNamer(new FixedNamer(approved));
    try {
      Approvals.verify(received, options);
    } catch (Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      throw new AssertionFailedError(
          explain(approved, before, received), before, received.replace("\r\n", "\n"));
    }
  }

  private static String explain(Path approved, String expected, String actual) {
    // The expected and actual texts travel in the error too, for IDEs' diff views.
    StringBuilder b = new StringBuilder();
    b.append("received YAML differs from ").append(approved);
    firstDifference(expected, actual)
        .ifPresent(d -> b.append(System.lineSeparator()).append("  ").append(d));
    try {
      List<String> semantic = YamlAssert.diff(expected, actual);
      if (semantic.isEmpty()) {
        b.append(System.lineSeparator()).append("  (equal as data: formatting only)");
      }
      semantic.forEach(s -> b.append(System.lineSeparator()).append("  ").append(s));
    } catch (RuntimeException notYaml) {
      // Not YAML (a plan's README, say): the line is the explanation.
    }
    return b.append(System.lineSeparator())
        .append("run with -D")
        .append(APPROVE)
        .append("=true to approve what was received, and review the diff")
        .toString();
  }

  private static Optional<String> firstDifference(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "(end of file)";
      String y = i < b.size() ? b.get(i) : "(end of file)";
      if (!x.equals(y)) {
        return Optional.of("line " + (i + 1) + ": expected \"" + x + "\" but was \"" + y + "\"");
      }
    }
    return Optional.empty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).replace("\r\n", "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static StackWalker.StackFrame caller() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .filter(f -> f.getDeclaringClass() != Snapshots.class)
                    .findFirst()
                    .orElseThrow());
  }

  /** ApprovalTests' namer for one approved file and its received file beside it. */
  private static final class FixedNamer implements ApprovalNamer {
    private final Path approved;

    FixedNamer(Path approved) {
      this.approved = approved;
    }

    @Override
    public File getApprovedFile(String extension) {
      return approved.toFile();
    }

    @Override
    public File getReceivedFile(String extension) {
      String name = approved.getFileName().toString();
      String base =
          name.endsWith(".approved.yaml")
              ? name.substring(0, name.length() - ".approved.yaml".length())
              : name.substring(0, Math.max(0, name.lastIndexOf('.')));
      return approved.resolveSibling(base + ".received.yaml").toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
      return this;
    }

    @Override
    public String getAdditionalInformation() {
      return "";
    }

    @Override
    public String getApprovalName() {
      return approved.getFileName().toString();
    }

    @Override
    public String getSourceFilePath() {
      Path parent = approved.toAbsolutePath().getParent();
      return parent == null ? "" : parent.toString() + File.separator;
    }
  }
}
