/** The {@code sailplan} command line. */
package dev.sailplan.cli;
