package dev.sailplan.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A group of fields of which at most one may be set (the schema's {@code oneOf}); checked when the
 * object is built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Repeatable(OneOfGroups.class)
public @interface OneOf {
  /** The JSON names of the group's members. */
  String[] value();
}
