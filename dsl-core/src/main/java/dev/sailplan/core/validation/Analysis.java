package dev.sailplan.core.validation;

/**
 * What validating text found.
 *
 * @param findings every finding of every document
 * @param documents how many YAML documents were read (empty ones not counted)
 */
public record Analysis(Findings findings, int documents) {}
