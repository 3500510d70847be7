package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import java.util.List;

/**
 * The analyses across Gateway API resources: attachment of routes to Gateways and listeners,
 * backends, ReferenceGrants, conflicts, and ambient waypoints.
 *
 * <p>Codes: SP5001 parent missing · SP5002 sectionName/port selects no listener · SP5003 namespace
 * not admitted · SP5004 route kind not admitted · SP5005 no intersecting hostname · SP5006 backend
 * Service or port missing · SP5007 cross-namespace reference without ReferenceGrant · SP5008
 * conflicting listeners · SP5009 two routes with one match on a listener · SP5010 BackendTLSPolicy
 * target missing · SP5011 GatewayClass not in the input · SP5012 waypoint nothing uses · SP4001 L7
 * configuration in an ambient namespace without a waypoint.
 */
public final class GatewayApiAnalysis {
  private GatewayApiAnalysis() {}

  /** Every analyzer of this family. */
  public static List<Analyzer> analyzers() {
    return List.of(
        new AttachmentAnalysis(),
        new BackendAnalysis(),
        new ListenerAnalysis(),
        new WaypointAnalysis());
  }
}
