package dev.sailplan.core.validation;

/**
 * What validating text found.
 *
 * @param findings every finding of every document
 * @param documents how many YAML documents were read (empty ones not counted)
 * @param suppressed how many findings the objects' annotations suppressed ({@code
 *     sailplan.dev/suppress}, {@code galley.istio.io/analyze-suppress})
 */
public record Analysis(Findings findings, int documents, int suppressed) {
  /** What was found, with nothing suppressed. */
  public Analysis(Findings findings, int documents) {
    this(findings, documents, 0);
  }
}
