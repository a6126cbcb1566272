package org.lernstadt.catalogue.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The search's settings as shipped, for the benchmark: the test profile forces the large-catalogue
 * paths onto a handful of offers (counting on a sample of nearly every page, distance order from a
 * single nearest session), which at a million offers would measure those test settings instead.
 */
public class ProductionSearchSettings implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "lernstadt.catalogue.search.exact-count-limit", "1000",
        "lernstadt.catalogue.search.count-sample-percent", "",
        "lernstadt.catalogue.search.nearest-candidates", "512");
  }
}
