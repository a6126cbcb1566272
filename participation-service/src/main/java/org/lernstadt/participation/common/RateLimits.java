package org.lernstadt.participation.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Per-citizen write limits: a burst, then one more write per refill interval. */
@ConfigMapping(prefix = "lernstadt.participation.rate-limit")
public interface RateLimits {

  @WithDefault("5")
  int contributionBurst();

  @WithDefault("PT2M")
  Duration contributionRefill();

  @WithDefault("10")
  int commentBurst();

  @WithDefault("PT30S")
  Duration commentRefill();

  @WithDefault("10")
  int reportBurst();

  @WithDefault("PT1M")
  Duration reportRefill();
}
