package dev.sailplan.cli;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.ValidationProvider;
import java.util.Map;

/**
 * A validation provider for the CLI's tests, found like a real one: a Namespace labelled {@code
 * test-finding: error}, {@code warning} or {@code info} has a finding of that level, so that the
 * command is tested without depending on the real validators.
 */
public final class TestFindings implements ValidationProvider {
  @Override
  public Map<String, TreeValidator> schemas() {
    return Map.of(
        "Namespace",
        (object, old, report) -> {
          FieldPath label = FieldPath.root().field("metadata").field("labels").key("test-finding");
          switch (object.path("metadata").path("labels").path("test-finding").asText()) {
            case "error" -> report.error("SP0205", label, "is an error");
            case "warning" ->
                report.add("SP0401", "IST0106", Level.WARNING, label, "", "is a warning");
            case "info" -> report.add("SP0110", "", Level.INFO, label, "", "is advice");
            default -> {}
          }
        });
  }
}
