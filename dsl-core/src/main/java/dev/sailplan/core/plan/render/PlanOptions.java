package dev.sailplan.core.plan.render;

/**
 * Defaults written into {@code apply.sh}; each can be overridden when running it.
 *
 * @param settleSeconds the minimum delay after a propagation barrier, in seconds ({@code --settle})
 * @param proxyStatusTimeoutSeconds the longest wait for {@code istioctl proxy-status} to show no
 *     proxy STALE, in seconds ({@code --timeout})
 */
public record PlanOptions(int settleSeconds, int proxyStatusTimeoutSeconds) {
  /** The default settle delay: 5 seconds. */
  public static final int DEFAULT_SETTLE_SECONDS = 5;

  /** The default propagation timeout: 300 seconds. */
  public static final int DEFAULT_PROXY_STATUS_TIMEOUT_SECONDS = 300;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when a value is negative
   */
  public PlanOptions {
    if (settleSeconds < 0) {
      throw new IllegalArgumentException("settleSeconds must not be negative: " + settleSeconds);
    }
    if (proxyStatusTimeoutSeconds < 0) {
      throw new IllegalArgumentException(
          "proxyStatusTimeoutSeconds must not be negative: " + proxyStatusTimeoutSeconds);
    }
  }

  /** A settle delay of 5 seconds and a propagation timeout of 300 seconds. */
  public static PlanOptions defaults() {
    return new PlanOptions(DEFAULT_SETTLE_SECONDS, DEFAULT_PROXY_STATUS_TIMEOUT_SECONDS);
  }

  /** These options with another settle delay. */
  public PlanOptions withSettleSeconds(int seconds) {
    return new PlanOptions(seconds, proxyStatusTimeoutSeconds);
  }

  /** These options with another propagation timeout. */
  public PlanOptions withProxyStatusTimeoutSeconds(int seconds) {
    return new PlanOptions(settleSeconds, seconds);
  }
}
