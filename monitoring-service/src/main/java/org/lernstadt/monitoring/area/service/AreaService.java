package org.lernstadt.monitoring.area.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.platform.web.ProblemException;

/**
 * The spatial hierarchy. Boundaries change by splits and merges that end the old units and link
 * them to the new ones, instead of rewriting them, so every value keeps the unit it was measured in
 * and a successor's series can be read back through its predecessors.
 */
@ApplicationScoped
public class AreaService {

  private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

  @Inject AreaRepository areas;

  @WithSession
  public Uni<List<Area>> list(LocalDate at) {
    return areas
        .list()
        .map(all -> at == null ? all : all.stream().filter(a -> a.validAt(at)).toList());
  }

  @WithSession
  public Uni<Area> get(String code) {
    return areas.find(code).map(found -> found.orElseThrow(() -> notFound(code)));
  }

  /** Creates or renames a unit. */
  @WithTransaction
  public Uni<Area> put(String code, AreaCommand command) {
    Uni<Void> parentChecked =
        command.parent() == null
            ? Uni.createFrom().voidItem()
            : areas
                .find(command.parent())
                .invoke(
                    parent -> {
                      if (parent.isEmpty() || command.parent().equals(code)) {
                        throw ProblemException.invalid(
                            "parent", "no such area: " + command.parent());
                      }
                    })
                .replaceWithVoid();
    return parentChecked
        .chain(() -> areas.find(code))
        .chain(
            existing ->
                areas.upsert(
                    code,
                    command.name(),
                    command.level(),
                    command.parent(),
                    command.validFrom() != null
                        ? command.validFrom()
                        : existing.map(Area::validFrom).orElse(BEGINNING)))
        .chain(() -> areas.find(code))
        .map(Optional::orElseThrow);
  }

  /** Applies a split or merge; returns the successors. */
  @WithTransaction
  public Uni<List<Area>> change(BoundaryChange change) {
    if (new HashSet<>(change.predecessors()).size() != change.predecessors().size()) {
      throw ProblemException.invalid("predecessors", "lists an area twice");
    }
    return Steps.map(change.predecessors(), code -> predecessor(code, change.effective()))
        .chain(
            predecessors ->
                Steps.each(
                    change.successors(),
                    s ->
                        areas
                            .find(s.code())
                            .chain(
                                existing -> {
                                  if (existing.isPresent()) {
                                    throw ProblemException.invalid(
                                        "successors", "area " + s.code() + " exists already");
                                  }
                                  Area model = predecessors.getFirst();
                                  return areas.upsert(
                                      s.code(),
                                      s.name(),
                                      model.level(),
                                      model.parent(),
                                      change.effective());
                                })))
        .chain(
            () ->
                Steps.each(
                    change.predecessors(),
                    p ->
                        areas
                            .end(p, change.effective())
                            .chain(
                                () ->
                                    Steps.each(
                                        change.successors(),
                                        s -> areas.link(p, s.code(), change.effective())))))
        .chain(
            () ->
                Steps.map(
                    change.successors(), s -> areas.find(s.code()).map(Optional::orElseThrow)));
  }

  private Uni<Area> predecessor(String code, LocalDate effective) {
    return areas
        .find(code)
        .map(
            found -> {
              Area area =
                  found.orElseThrow(
                      () -> ProblemException.invalid("predecessors", "no such area: " + code));
              if (!area.validAt(effective) || !area.validFrom().isBefore(effective)) {
                throw ProblemException.invalid(
                    "predecessors", code + " is not valid before and on " + effective);
              }
              return area;
            });
  }

  private static ProblemException notFound(String code) {
    return ProblemException.notFound("Area " + code);
  }
}
