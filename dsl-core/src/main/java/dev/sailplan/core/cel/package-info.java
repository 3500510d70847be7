/**
 * Support for generated code: the small CEL runtime that the {@code x-kubernetes-validations} rules
 * compiled by codegen call. Codegen parses and type-checks each rule at generation time and emits
 * Java that calls {@link dev.sailplan.core.cel.Cel} for CEL's semantics (error values that {@code
 * &&} and {@code ||} absorb, int64 overflow as an error, sizes in code points, RE2 regular
 * expressions, Go durations, the Kubernetes URL and IP functions); {@link
 * dev.sailplan.core.cel.CelRules} evaluates the rules of one kind at every instance of their schema
 * node, as the API server does. No CEL library is needed at run time.
 *
 * <p>This package is public only because generated code in other modules calls it; its API may
 * change with codegen.
 */
package dev.sailplan.core.cel;
