package dev.sailplan.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.sailplan.codegen.model.FieldDef;
import dev.sailplan.codegen.schema.Constraints;
import java.util.ArrayList;
import java.util.List;

/** The constraint annotations ({@code dev.sailplan.core.schema}) recorded on generated code. */
final class Annotations {
  private Annotations() {}

  static List<AnnotationSpec> forType(Constraints c) {
    List<AnnotationSpec> out = new ArrayList<>();
    if (c.minItems() != null || c.maxItems() != null) {
      out.add(bounds(Names.SIZE, c.minItems(), c.maxItems()));
    }
    c.rules().forEach(r -> out.add(rule(r)));
    return out;
  }

  static List<AnnotationSpec> forField(FieldDef f) {
    Constraints c = f.constraints();
    List<AnnotationSpec> out = new ArrayList<>();
    if (c.pattern() != null) {
      out.add(AnnotationSpec.builder(Names.PATTERN).addMember("value", "$S", c.pattern()).build());
    }
    if (c.minLength() != null || c.maxLength() != null) {
      out.add(bounds(Names.LENGTH, c.minLength(), c.maxLength()));
    }
    if (c.minimum() != null || c.maximum() != null) {
      AnnotationSpec.Builder b = AnnotationSpec.builder(Names.RANGE);
      if (c.minimum() != null) {
        b.addMember("min", "$L", number(c.minimum()));
      }
      if (c.maximum() != null) {
        b.addMember("max", "$L", number(c.maximum()));
      }
      out.add(b.build());
    }
    if (c.minItems() != null || c.maxItems() != null) {
      out.add(bounds(Names.SIZE, c.minItems(), c.maxItems()));
    }
    if (c.format() != null) {
      out.add(AnnotationSpec.builder(Names.FORMAT).addMember("value", "$S", c.format()).build());
    }
    if (c.listType() != null) {
      AnnotationSpec.Builder b =
          AnnotationSpec.builder(Names.LIST_TYPE).addMember("value", "$S", c.listType());
      if (!c.listMapKeys().isEmpty()) {
        b.addMember("keys", "$L", JavaEmitter.stringArray(c.listMapKeys()));
      }
      out.add(b.build());
    }
    c.rules().forEach(r -> out.add(rule(r)));
    return out;
  }

  private static AnnotationSpec rule(Constraints.CelRule r) {
    AnnotationSpec.Builder b =
        AnnotationSpec.builder(Names.RULE).addMember("value", "$S", r.rule());
    if (!r.message().isEmpty()) {
      b.addMember("message", "$S", r.message());
    }
    return b.build();
  }

  private static AnnotationSpec bounds(ClassName type, Long min, Long max) {
    AnnotationSpec.Builder b = AnnotationSpec.builder(type);
    if (min != null) {
      b.addMember("min", "$L", min + "L");
    }
    if (max != null) {
      b.addMember("max", "$L", max + "L");
    }
    return b.build();
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d + "d" : Double.toString(d);
  }
}
