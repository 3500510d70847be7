package dev.sailplan.testing;

import dev.sailplan.core.diff.SemanticDiff;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Manifests' YAML compared as the API server sees it, with {@link SemanticDiff}: key order, quoting
 * and comments do not matter, numbers compare by value, an empty list or map equals an absent one.
 *
 * <pre>{@code
 * assertThatYaml(Manifests.toYaml(resources)).isSemanticallyEqualTo(handWritten);
 * }</pre>
 */
public final class YamlAssert extends AbstractAssert<YamlAssert, String> {

  YamlAssert(String actual) {
    super(actual, YamlAssert.class);
  }

  /**
   * Verifies that the YAML documents are, in order, the expected ones as data.
   *
   * @param expected one or more YAML documents
   * @return this assertion
   */
  public YamlAssert isSemanticallyEqualTo(String expected) {
    isNotNull();
    List<String> diff = diff(expected, actual);
    if (!diff.isEmpty()) {
      failWithMessage(
          "expected the YAML to equal the expected documents as data, but:%n  %s",
          String.join(System.lineSeparator() + "  ", diff));
    }
    return this;
  }

  /**
   * The semantic differences of two YAML streams; paths start at the document for one document
   * each, else with the document's index ({@code [1].spec.host}).
   */
  static List<String> diff(String expected, String actual) {
    List<Object> a = load(expected);
    List<Object> b = load(actual);
    return a.size() == 1 && b.size() == 1
        ? SemanticDiff.diff(a.get(0), b.get(0))
        : SemanticDiff.diff(a, b);
  }

  private static List<Object> load(String yaml) {
    // Safe: the documents are plain data, never Java objects.
    Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Object> out = new java.util.ArrayList<>();
    parser.loadAll(yaml).forEach(out::add);
    return out;
  }
}
