package dev.sailplan.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of the schema's {@code x-kubernetes-validations}: a CEL rule the API server evaluates with
 * {@code self} bound to the annotated object or field. Recorded for validation; not evaluated when
 * an object is built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Rules.class)
public @interface Rule {
  /** The CEL expression. */
  String value();

  /** The message the API server reports when the rule fails, or empty. */
  String message() default "";
}
