package org.lernstadt.catalogue.provider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/** The network of institutions as a graph a front-end can draw. */
public record NetworkView(List<Node> nodes, List<Edge> edges) {

  /** An institution; {@code lat}/{@code lon} are absent when it has no location. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Node(
      UUID id,
      String key,
      String name,
      ProviderKind kind,
      String district,
      Double lat,
      Double lon) {}

  /** An active partnership between two institutions. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Edge(UUID id, UUID source, UUID target, PartnershipKind kind, LocalDate since) {}
}
