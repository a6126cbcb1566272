package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.lernstadt.gateway.GatewayConfig;

/** Gathers the portal's start page from all four services. */
@ApplicationScoped
public class HomeService {

  private static final int SHOWN = 5;

  private final ServiceCalls calls;
  private final GatewayConfig config;

  HomeService(ServiceCalls calls, GatewayConfig config) {
    this.calls = calls;
    this.config = config;
  }

  public Uni<Home> home(String authorization) {
    Gathering parts = new Gathering(config.aggregation().budget());
    Uni<Optional<JsonNode>> offers =
        parts.part(
            "nextOffers",
            "catalogue",
            calls.read("catalogue", "/v1/offers?sort=date&limit=" + SHOWN, authorization));
    Uni<Optional<JsonNode>> events =
        parts.part(
            "upcomingEvents",
            "participation",
            calls.read(
                "participation",
                "/v1/events?limit=20&from=" + ServiceCalls.encode(Instant.now().toString()),
                authorization));
    Uni<Optional<JsonNode>> dialogues =
        parts.part(
            "openDialogues",
            "participation",
            calls.read("participation", "/v1/dialogues?limit=100", authorization));
    Uni<Optional<JsonNode>> centres =
        parts.part(
            "counsellingCentres",
            "counseling",
            calls.read("counseling", "/v1/centres", authorization));
    // The city as a whole is the monitoring's area of level CITY.
    Uni<Optional<JsonNode>> indicators =
        parts.part(
            "cityIndicators",
            "monitoring",
            calls
                .read("monitoring", "/v1/areas", authorization)
                .chain(
                    areas ->
                        StreamSupport.stream(areas.spliterator(), false)
                            .filter(area -> "CITY".equals(area.path("level").asText()))
                            .findFirst()
                            .map(
                                city ->
                                    calls.read(
                                        "monitoring",
                                        "/v1/areas/"
                                            + ServiceCalls.encode(city.path("code").asText())
                                            + "/indicators",
                                        authorization))
                            .orElseGet(() -> Uni.createFrom().nullItem())));
    return Uni.combine()
        .all()
        .unis(offers, events, dialogues, centres, indicators)
        .asTuple()
        .map(
            all -> {
              Optional<List<JsonNode>> upcomingEvents =
                  all.getItem2().map(DistrictProfileService::items);
              Optional<List<JsonNode>> open =
                  all.getItem3()
                      .map(page -> DistrictProfileService.openDialogues(page.path("items")));
              return new Home(
                  new Home.Counts(
                      all.getItem1().map(result -> result.path("total").asLong()).orElse(null),
                      open.map(List::size).orElse(null),
                      all.getItem4().map(JsonNode::size).orElse(null),
                      upcomingEvents.map(List::size).orElse(null)),
                  all.getItem1()
                      .map(result -> DistrictProfileService.items(result.path("items")))
                      .orElse(null),
                  upcomingEvents.map(list -> list.stream().limit(SHOWN).toList()).orElse(null),
                  open.map(list -> list.stream().limit(SHOWN).toList()).orElse(null),
                  all.getItem5()
                      .map(summary -> DistrictProfileService.items(summary.path("indicators")))
                      .orElse(null),
                  parts.missing());
            });
  }
}
