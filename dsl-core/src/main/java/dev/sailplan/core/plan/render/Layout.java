package dev.sailplan.core.plan.render;

import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every stage of a plan with its number over the whole plan, its step and its file name. */
final class Layout {
  /**
   * One stage in place.
   *
   * @param number 1-based, over the whole plan
   * @param stepIndex the step's index in the plan
   * @param indexInStep the stage's index in its step
   * @param step the step
   * @param stage the stage
   * @param file the stage file's name
   */
  record Entry(int number, int stepIndex, int indexInStep, Step step, Stage stage, String file) {
    /** The number as three digits. */
    String nnn() {
      return Text.number(number);
    }

    /** Changes that delete, in order. */
    List<Change> deletes() {
      return stage.changes().stream().filter(Change::isDelete).toList();
    }
  }

  private Layout() {}

  /** The stages of a plan in order. */
  static List<Entry> of(Plan plan) {
    List<Entry> entries = new ArrayList<>();
    int number = 0;
    for (int s = 0; s < plan.steps().size(); s++) {
      Step step = plan.steps().get(s);
      for (int i = 0; i < step.stages().size(); i++) {
        Stage stage = step.stages().get(i);
        number++;
        String file =
            Text.number(number)
                + "-"
                + Text.fileSegment(step.name())
                + "-"
                + Text.fileSegment(stage.label())
                + ".yaml";
        entries.add(new Entry(number, s, i, step, stage, file));
      }
    }
    return entries;
  }

  /** The entry after {@code e}, if any. */
  static Optional<Entry> next(List<Entry> entries, Entry e) {
    return e.number() < entries.size() ? Optional.of(entries.get(e.number())) : Optional.empty();
  }
}
