package dev.sailplan.core.kind;

import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The kinds Sailplan can parse, keyed by {@code apiVersion} and {@code kind}.
 *
 * <pre>{@code
 * KindRegistry registry = KindRegistry.discover();   // every module on the class path
 * registry.find("networking.istio.io/v1beta1", "VirtualService"); // the VirtualService type
 * }</pre>
 */
public final class KindRegistry {
  private static volatile KindRegistry discovered;

  private final Map<String, KindInfo> byApiVersionKind;
  private final Map<Class<?>, KindInfo> byType;

  private KindRegistry(Collection<KindInfo> kinds) {
    Map<String, KindInfo> keyed = new LinkedHashMap<>();
    Map<Class<?>, KindInfo> types = new LinkedHashMap<>();
    for (KindInfo info : kinds) {
      for (String apiVersion : info.apiVersions()) {
        KindInfo previous = keyed.putIfAbsent(key(apiVersion, info.kind()), info);
        if (previous != null && previous.type() != info.type()) {
          throw new IllegalStateException(
              "two types claim "
                  + apiVersion
                  + " "
                  + info.kind()
                  + ": "
                  + previous.type().getName()
                  + " and "
                  + info.type().getName());
        }
      }
      types.putIfAbsent(info.type(), info);
    }
    this.byApiVersionKind = Collections.unmodifiableMap(keyed);
    this.byType = Collections.unmodifiableMap(types);
  }

  /** A registry of exactly these kinds. */
  public static KindRegistry of(Collection<KindInfo> kinds) {
    return new KindRegistry(kinds);
  }

  /** Every kind contributed through {@link KindProvider} on the class path (cached). */
  public static KindRegistry discover() {
    KindRegistry r = discovered;
    if (r == null) {
      List<KindInfo> all = new ArrayList<>();
      for (KindProvider p :
          ServiceLoader.load(KindProvider.class, KindRegistry.class.getClassLoader())) {
        all.addAll(p.kinds());
      }
      r = new KindRegistry(all);
      discovered = r;
    }
    return r;
  }

  /** The kind parsed from this apiVersion and kind, if known. */
  public Optional<KindInfo> find(String apiVersion, String kind) {
    return Optional.ofNullable(byApiVersionKind.get(key(apiVersion, kind)));
  }

  /** The kind a Java type implements, if known. */
  public Optional<KindInfo> find(Class<? extends Resource> type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Every known kind, once each. */
  public Collection<KindInfo> kinds() {
    return byType.values();
  }

  /** The apiVersions known for a kind name, sorted; empty when the kind is unknown. */
  public List<String> apiVersionsOf(String kind) {
    TreeSet<String> out = new TreeSet<>();
    for (KindInfo info : byType.values()) {
      if (info.kind().equals(kind)) {
        out.addAll(info.apiVersions());
      }
    }
    return List.copyOf(out);
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }
}
