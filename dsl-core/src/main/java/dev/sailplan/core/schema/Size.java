package dev.sailplan.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's {@code minItems}/{@code maxItems} (lists) or {@code minProperties}/{@code
 * maxProperties} (maps and objects).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Size {
  /** Minimum count, or 0. */
  long min() default 0;

  /** Maximum count, or {@link Long#MAX_VALUE} when unbounded. */
  long max() default Long.MAX_VALUE;
}
