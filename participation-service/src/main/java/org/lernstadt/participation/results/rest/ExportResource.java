package org.lernstadt.participation.results.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.common.BadRequests;
import org.lernstadt.participation.results.mapping.AnswerView;
import org.lernstadt.participation.results.mapping.Csv;
import org.lernstadt.participation.results.mapping.Export;
import org.lernstadt.participation.results.mapping.PublicComment;
import org.lernstadt.participation.results.mapping.PublicContribution;
import org.lernstadt.participation.results.service.ResultsService;

/** Open data of a dialogue: JSON with every public entity and field descriptions, or CSV. */
@Path("/v1/dialogues/{id}/export")
@Tag(name = "Results")
public class ExportResource {

  static final String CSV = "text/csv";

  @Inject ResultsService results;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Public contributions, comments and answers with field descriptions")
  public Uni<Export> json(@PathParam("id") UUID id) {
    return results.export(id);
  }

  @GET
  @PermitAll
  @Produces(CSV)
  @Operation(
      summary =
          "One entity (contributions, comments or answers) as UTF-8 CSV; columns as described in"
              + " the JSON export")
  public Uni<Response> csv(
      @PathParam("id") UUID id,
      @QueryParam("entity") @DefaultValue("contributions") String entity) {
    if (!Export.FIELDS.containsKey(entity)) {
      throw BadRequests.query("entity", "must be contributions, comments or answers");
    }
    return results
        .export(id)
        .map(
            export ->
                Response.ok(
                        Csv.of(Export.FIELDS.get(entity).keySet(), rows(export, entity)),
                        CSV + "; charset=UTF-8")
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"dialogue-" + id + "-" + entity + ".csv\"")
                    .build());
  }

  private static List<List<Object>> rows(Export export, String entity) {
    List<List<Object>> rows = new ArrayList<>();
    switch (entity) {
      case "contributions" -> {
        for (PublicContribution c : export.contributions()) {
          rows.add(
              Arrays.asList(
                  c.id(),
                  c.dialogueId(),
                  c.category(),
                  c.district(),
                  c.lat(),
                  c.lon(),
                  c.placeRef(),
                  c.text(),
                  c.ratingCount(),
                  c.ratingScore(),
                  c.commentCount(),
                  c.createdAt()));
        }
      }
      case "comments" -> {
        for (PublicComment c : export.comments()) {
          rows.add(
              Arrays.asList(
                  c.id(),
                  c.contributionId(),
                  c.parentId(),
                  c.depth(),
                  c.stance(),
                  c.text(),
                  c.createdAt()));
        }
      }
      default -> {
        for (AnswerView a : export.answers()) {
          rows.add(
              Arrays.asList(
                  a.id(),
                  a.dialogueId(),
                  a.category(),
                  a.contributionId(),
                  a.status(),
                  a.progress(),
                  a.text(),
                  a.updatedAt()));
        }
      }
    }
    return rows;
  }
}
