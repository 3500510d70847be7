/**
 * What model modules plug into validation: generated schema validators and hand-written checks of
 * typed resources. Users of Sailplan do not need it; {@link
 * dev.sailplan.core.validation.Validation} runs them.
 */
package dev.sailplan.core.validation.spi;
