package dev.sailplan.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
  @TempDir Path dir;

  @Test
  void bookinfo() {
    // Approved as src/test/resources/dev/sailplan/testing/SnapshotsTest.bookinfo.approved.yaml
    Snapshots.verify(List.of(Mesh.rule(), Mesh.route()));
  }

  @Test
  void namedSnapshotsShareTheTestClassPrefix() {
    Snapshots.verify("rule", List.of(Mesh.rule()));
  }

  @Test
  void aDifferenceFailsWithTheFirstLineAndTheSemanticDifferences() throws IOException {
    if (Boolean.getBoolean(Snapshots.APPROVE)) {
      return; // approving rewrites what it is given: this test is about not approving
    }
    Path approved = dir.resolve("route.approved.yaml");
    Files.writeString(approved, "spec:\n  weight: 90\n");
    assertThatThrownBy(() -> Snapshots.verifyText(approved, "spec:\n  weight: 80\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "received YAML differs from %s%n"
                + "  line 2: expected \"  weight: 90\" but was \"  weight: 80\"%n"
                + "  spec.weight: 90 != 80%n"
                + "run with -Dsailplan.approve=true to approve what was received, and review the"
                + " diff",
            approved);
    // ApprovalTests leaves what it received beside the approved file, for a diff tool.
    assertThat(dir.resolve("route.received.yaml")).hasContent("spec:\n  weight: 80");
    assertThat(approved).hasContent("spec:\n  weight: 90");
  }

  @Test
  void formattingOnlyIsSaid() throws IOException {
    if (Boolean.getBoolean(Snapshots.APPROVE)) {
      return;
    }
    Path approved = dir.resolve("f.approved.yaml");
    Files.writeString(approved, "a: [1]\n");
    assertThatThrownBy(() -> Snapshots.verifyText(approved, "a:\n- 1\n"))
        .hasMessageContaining("(equal as data: formatting only)");
  }

  @Test
  void aMissingApprovedFileSaysHowToApprove() {
    if (Boolean.getBoolean(Snapshots.APPROVE)) {
      return;
    }
    Path approved = dir.resolve("none.approved.yaml");
    assertThatThrownBy(() -> Snapshots.verifyText(approved, "a: 1\n"))
        .hasMessage(
            "no approved file %s; run with -Dsailplan.approve=true and review it", approved);
    assertThat(approved).doesNotExist();
  }

  @Test
  void approvingWritesTheReceivedText() throws IOException {
    Path approved = dir.resolve("new.approved.yaml");
    String before = System.getProperty(Snapshots.APPROVE);
    System.setProperty(Snapshots.APPROVE, "true");
    try {
      Snapshots.verifyText(approved, "a: 1\n");
    } finally {
      if (before == null) {
        System.clearProperty(Snapshots.APPROVE);
      } else {
        System.setProperty(Snapshots.APPROVE, before);
      }
    }
    assertThat(approved).hasContent("a: 1");
    assertThat(dir.resolve("new.received.yaml")).doesNotExist();
  }
}
