package dev.sailplan.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The schema's {@code minLength} and {@code maxLength} for a string. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface Length {
  /** Minimum length, or 0. */
  long min() default 0;

  /** Maximum length, or {@link Long#MAX_VALUE} when unbounded. */
  long max() default Long.MAX_VALUE;
}
