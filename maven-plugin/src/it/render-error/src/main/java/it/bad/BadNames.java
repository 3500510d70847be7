package it.bad;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.ServiceAccount;
import dev.sailplan.core.meta.Resource;
import java.util.List;

public final class BadNames implements ManifestSource {
  @Override
  public List<Resource> manifests() {
    return List.of(Namespace.named("payments"), ServiceAccount.ref("payments/Api_Client"));
  }
}
