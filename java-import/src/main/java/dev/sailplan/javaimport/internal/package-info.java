/**
 * How {@code JavaImport} writes Java: the reflective walk over the value types, the table of
 * hand-written factories, the YAML comments and the class around the methods.
 */
package dev.sailplan.javaimport.internal;
