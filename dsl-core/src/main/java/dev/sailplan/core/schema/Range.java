package dev.sailplan.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The schema's {@code minimum} and {@code maximum} for a number (inclusive). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface Range {
  /** Minimum value. */
  double min() default Double.NEGATIVE_INFINITY;

  /** Maximum value. */
  double max() default Double.POSITIVE_INFINITY;
}
