package dev.sailplan.core.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema's {@code x-kubernetes-list-type} ({@code atomic}, {@code set} or {@code map}) and its
 * map keys.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface ListType {
  /** atomic, set or map. */
  String value();

  /** For {@code map}: the fields that identify an item. */
  String[] keys() default {};
}
