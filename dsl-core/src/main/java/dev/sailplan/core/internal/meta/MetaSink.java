package dev.sailplan.core.internal.meta;

/** Where {@link ObjectMetaRules} puts what it finds; paths are below {@code metadata}. */
public interface MetaSink {
  /**
   * One problem.
   *
   * @param code the Sailplan code
   * @param warning whether the API server accepts the object anyway
   * @param field the field of {@code metadata}, e.g. {@code labels}
   * @param step the map key ({@link String}) or list index ({@link Integer}) in that field, or null
   *     for the field itself
   * @param message what is wrong
   */
  void add(String code, boolean warning, String field, Object step, String message);
}
