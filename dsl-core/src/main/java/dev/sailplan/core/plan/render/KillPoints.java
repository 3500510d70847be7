package dev.sailplan.core.plan.render;

/**
 * Numbered points in the writing of a plan folder where a test may have the process halt, as a kill
 * would: {@code -Dsailplan.test.haltAt=K} halts at the K-th point reached (counting from 1).
 * Without the property this does nothing.
 */
final class KillPoints {
  private static final int HALT_AT = Integer.getInteger("sailplan.test.haltAt", 0);
  private static int reached;

  private KillPoints() {}

  /** Counts a point; halts the JVM without shutdown hooks or finally blocks when it is the one. */
  static synchronized void reached(String point) {
    if (HALT_AT > 0 && ++reached == HALT_AT) {
      System.err.println("halted at " + point);
      Runtime.getRuntime().halt(137);
    }
  }
}
