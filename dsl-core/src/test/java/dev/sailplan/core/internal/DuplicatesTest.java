package dev.sailplan.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.ServiceAccount;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicatesTest {
  private final Duplicates duplicates = new Duplicates("in.yaml");
  private int document;

  private Optional<String> see(Resource r) {
    document++;
    return duplicates
        .check(new ManifestParser.Located(r, document, document * 10))
        .map(Problem::toString);
  }

  private static ServiceAccount account(String ref) {
    return ServiceAccount.builder().metadata(ObjectMeta.ref(ref)).build();
  }

  @Test
  void aRepeatNamesWhereTheObjectWasFirstDefined() {
    assertEquals(Optional.empty(), see(account("shop/web")));
    assertEquals(Optional.empty(), see(account("shop/api")));
    assertEquals(
        Optional.of(
            "in.yaml: document 3, line 30: ServiceAccount shop/web is already defined in document"
                + " 1, line 10"),
        see(account("shop/web")));
  }

  @Test
  void namespaceKindAndNameEachTellObjectsApart() {
    assertEquals(Optional.empty(), see(account("shop/web")));
    assertEquals(Optional.empty(), see(account("shop2/web")));
    assertEquals(Optional.empty(), see(account("web")));
    assertEquals(
        Optional.empty(), see(Namespace.builder().metadata(ObjectMeta.named("web")).build()));
    // The parts are length-prefixed, so moving a character from namespace to name is another
    // object.
    assertEquals(Optional.empty(), see(account("sho/pweb")));
  }

  @Test
  void generateNameNeverRepeats() {
    ServiceAccount generated =
        ServiceAccount.builder()
            .metadata(ObjectMeta.builder().namespace("shop").generateName("web-").build())
            .build();
    assertEquals(Optional.empty(), see(generated));
    assertEquals(Optional.empty(), see(generated));
  }

  @Test
  void aMillionDistinctObjectsGiveNoProblemAndEveryRepeatIsFound() {
    List<String> problems = new ArrayList<>();
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      see(account("ns-" + (i % 97) + "/sa-" + i)).ifPresent(problems::add);
    }
    assertEquals(List.of(), problems, "the table grows past many resizes without a false repeat");
    for (int i = 0; i < n; i += 100_000) {
      int first = i + 1;
      assertEquals(
          Optional.of(
              "in.yaml: document "
                  + (document + 1)
                  + ", line "
                  + (document + 1) * 10
                  + ": ServiceAccount ns-"
                  + (i % 97)
                  + "/sa-"
                  + i
                  + " is already defined in document "
                  + first
                  + ", line "
                  + first * 10),
          see(account("ns-" + (i % 97) + "/sa-" + i)));
    }
  }
}
