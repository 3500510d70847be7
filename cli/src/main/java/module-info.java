/**
 * The {@code sailplan} command line: {@code fmt}, {@code plan}, {@code rollout} and {@code
 * validate}. Exports no API.
 */
module dev.sailplan.cli {
  requires dev.sailplan.gatewayapi;
  requires dev.sailplan.istio;
  requires dev.sailplan.javaimport;
  requires info.picocli;

  // picocli reads the commands' annotated fields reflectively.
  opens dev.sailplan.cli to
      info.picocli;
}
