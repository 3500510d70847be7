/**
 * Assertions and snapshots for tests of Sailplan resources and plans.
 *
 * <pre>{@code
 * import static dev.sailplan.testing.SailplanAssertions.assertThat;
 *
 * assertThat(resources).hasNoFindings();
 * assertThat(virtualService).routes("reviews", "v2").withWeight(10);
 * assertThat(plan).isMakeBeforeBreak();
 * Snapshots.verify("bookinfo", resources);
 * }</pre>
 */
package dev.sailplan.testing;
