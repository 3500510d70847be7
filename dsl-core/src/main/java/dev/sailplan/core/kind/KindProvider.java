package dev.sailplan.core.kind;

import java.util.List;

/**
 * Service-provider interface through which a module contributes its kinds to the {@link
 * KindRegistry}. Codegen emits one per generated model; register it in {@code
 * META-INF/services/dev.sailplan.core.kind.KindProvider}.
 */
public interface KindProvider {
  /** The kinds this module contributes. */
  List<KindInfo> kinds();
}
