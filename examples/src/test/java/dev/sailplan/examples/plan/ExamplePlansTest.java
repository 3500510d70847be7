package dev.sailplan.examples.plan;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.examples.ExamplePlans;
import dev.sailplan.testing.Snapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example plan passes the independent make-before-break checker, and its folder is the
 * reviewed approved one ({@code -Dsailplan.approve=true} rewrites them; review the diff).
 */
class ExamplePlansTest {
  private static final Path APPROVED = Path.of("src/test/resources/approved-plans");

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyExamplePlanIsSafe() {
    return ExamplePlans.all().stream()
        .map(
            r -> DynamicTest.dynamicTest(r.name(), () -> assertThat(r.plan()).isMakeBeforeBreak()));
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePlanFolderIsTheApprovedOne() {
    return ExamplePlans.all().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.name(),
                    () -> {
                      Plan plan = r.plan();
                      Path written = PlanWriter.write(plan, dir);
                      Path approved = APPROVED.resolve(plan.name());
                      if (Boolean.getBoolean(Snapshots.APPROVE)) {
                        // Approving writes the folder afresh: a file the plan no longer has goes.
                        deleteTree(approved);
                        Files.createDirectories(approved);
                      }
                      for (String f : files(written)) {
                        Snapshots.verifyText(
                            approved.resolve(f),
                            Files.readString(written.resolve(f), StandardCharsets.UTF_8));
                        if (Boolean.getBoolean(Snapshots.APPROVE)) {
                          // The snapshot is the text; apply.sh stays executable as written.
                          Files.setPosixFilePermissions(
                              approved.resolve(f),
                              Files.getPosixFilePermissions(written.resolve(f)));
                        }
                      }
                      assertEquals(files(written), files(approved), plan.name());
                    }));
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
