package dev.sailplan.testing;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Level;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the findings of one code; each step narrows to the findings that match it, so
 * {@code hasFinding("SP1001").on(a).at(b)} means one finding on {@code a} at {@code b}.
 */
public final class FindingAssert extends AbstractAssert<FindingAssert, List<Finding>> {
  private final String code;

  FindingAssert(String code, List<Finding> findings) {
    super(findings, FindingAssert.class);
    this.code = code;
  }

  /**
   * Verifies that a finding is on this object.
   *
   * @param origin the object, {@code Kind namespace/name} (e.g. {@code VirtualService
   *     bookinfo/reviews}), or {@code Kind name} for one without a namespace
   * @return the assertion on the findings on that object
   */
  public FindingAssert on(String origin) {
    return narrow(f -> f.origin().equals(origin), "on " + origin);
  }

  /**
   * Verifies that a finding is at this field path.
   *
   * @param path the field path, e.g. {@code spec.http[0].route[0]}; {@code ""} for the whole object
   * @return the assertion on the findings at that path
   */
  public FindingAssert at(String path) {
    return narrow(f -> f.path().equals(path), "at " + path);
  }

  /**
   * Verifies that a finding has this level.
   *
   * @param level e.g. {@link Level#ERROR}
   * @return the assertion on the findings of that level
   */
  public FindingAssert withLevel(Level level) {
    return narrow(f -> f.level() == level, "of level " + level);
  }

  /**
   * Verifies that a finding's message contains this text.
   *
   * @param text part of the message
   * @return the assertion on the findings whose message contains it
   */
  public FindingAssert withMessageContaining(String text) {
    return narrow(f -> f.message().contains(text), "with a message containing \"" + text + "\"");
  }

  private FindingAssert narrow(Predicate<Finding> test, String what) {
    List<Finding> left = actual.stream().filter(test).toList();
    if (left.isEmpty()) {
      failWithMessage(
          "expected a finding %s %s, but the %s findings are:%n%s",
          code, what, code, ResourcesAssert.lines(actual));
    }
    return new FindingAssert(code, left);
  }
}
