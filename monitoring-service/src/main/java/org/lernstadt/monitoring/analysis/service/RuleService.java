package org.lernstadt.monitoring.analysis.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.lernstadt.monitoring.analysis.domain.MissingStrategy;
import org.lernstadt.monitoring.analysis.domain.Rule;
import org.lernstadt.monitoring.analysis.domain.RuleKind;
import org.lernstadt.monitoring.analysis.repository.RuleRepository;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.indicator.service.IndicatorService;
import org.lernstadt.platform.web.ProblemException;

@ApplicationScoped
public class RuleService {

  @Inject RuleRepository rules;
  @Inject IndicatorService indicators;
  @Inject AreaRepository areas;
  @Inject AlertService alerts;

  @WithSession
  public Uni<List<Rule>> list(String indicator) {
    return indicators.require(indicator).chain(() -> rules.of(indicator));
  }

  /** Adds a rule and evaluates it at once on the values there are. */
  @WithTransaction
  public Uni<Rule> add(String indicator, RuleCommand c) {
    boolean trend = c.kind() == RuleKind.FALLING || c.kind() == RuleKind.RISING;
    if (!trend && c.threshold() == null) {
      throw ProblemException.invalid("threshold", "is required for " + c.kind());
    }
    if (c.kind() == RuleKind.DEVIATION_FROM_CITY && c.threshold().signum() <= 0) {
      throw ProblemException.invalid("threshold", "must be a percentage above 0");
    }
    Rule rule =
        new Rule(
            UUID.randomUUID(),
            indicator,
            c.area() == null || c.area().isBlank() ? null : c.area(),
            c.kind(),
            trend ? null : c.threshold(),
            c.periods() == null ? 1 : c.periods(),
            c.importance(),
            c.missing() == null ? MissingStrategy.SKIP_IF_ANY_MISSING : c.missing());
    return indicators
        .require(indicator)
        .chain(
            definition -> {
              Uni<Void> areaChecked =
                  rule.area() == null
                      ? Uni.createFrom().voidItem()
                      : areas
                          .find(rule.area())
                          .invoke(
                              a -> {
                                if (a.isEmpty()) {
                                  throw ProblemException.invalid(
                                      "area", "no such area: " + rule.area());
                                }
                              })
                          .replaceWithVoid();
              return areaChecked
                  .chain(() -> rules.insert(rule))
                  .chain(() -> alerts.evaluateAll(definition, rule))
                  .replaceWith(rule);
            });
  }

  @WithTransaction
  public Uni<Void> delete(String indicator, UUID id) {
    return rules
        .delete(indicator, id)
        .invoke(
            n -> {
              if (n == 0) {
                throw ProblemException.notFound("Rule " + id);
              }
            })
        .replaceWithVoid();
  }

  @WithSession
  public Uni<List<RuleRepository.Alert>> alerts(
      Boolean open, String indicator, String area, int limit) {
    return rules.alerts(open, indicator, area, limit);
  }
}
