package org.lernstadt.monitoring.value.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.area.service.AreaService;
import org.lernstadt.monitoring.common.Viewer;
import org.lernstadt.monitoring.indicator.rest.IndicatorResource;
import org.lernstadt.monitoring.value.mapping.Exports;
import org.lernstadt.monitoring.value.service.ValueQuery;

/** Open-data exports of an indicator's values, with the same filters and suppression. */
@Path("/v1/export/{code}")
@Tag(name = "Values")
public class ExportResource {

  @Inject ValueQuery query;
  @Inject AreaService areas;
  @Inject Viewer viewer;

  @GET
  @PermitAll
  @Operation(summary = "format=csv (default), json-stat (JSON-stat 2.0) or sdmx-csv (SDMX-CSV 1.0)")
  public Uni<Response> export(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @QueryParam("format")
          @Pattern(
              regexp = "csv|json-stat|sdmx-csv",
              message = "must be csv, json-stat or sdmx-csv")
          String format,
      @BeanParam ValueParams params) {
    return viewer
        .seesUnsuppressed()
        .chain(unsuppressed -> query.values(code, params.filter(), unsuppressed))
        .chain(
            set ->
                switch (format == null ? "csv" : format) {
                  case "json-stat" ->
                      areas
                          .list(null)
                          .map(
                              all -> {
                                Map<String, String> names = new HashMap<>();
                                all.forEach(a -> names.put(a.code(), a.name()));
                                return Response.ok(
                                        Exports.jsonStat(set, names), MediaType.APPLICATION_JSON)
                                    .build();
                              });
                  case "sdmx-csv" ->
                      Uni.createFrom()
                          .item(Response.ok(Exports.sdmxCsv(set), Exports.SDMX_CSV).build());
                  default ->
                      Uni.createFrom()
                          .item(
                              Response.ok(Exports.csv(set), "text/csv; charset=UTF-8")
                                  .header(
                                      "Content-Disposition",
                                      "attachment; filename=\"" + code + ".csv\"")
                                  .build());
                });
  }
}
