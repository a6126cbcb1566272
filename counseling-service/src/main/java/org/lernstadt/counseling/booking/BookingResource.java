package org.lernstadt.counseling.booking;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.counseling.common.Callers;

/** Booking and cancelling appointments, logged in or anonymously with a contact. */
@Path("/v1/bookings")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
public class BookingResource {

  /** The code an anonymous booking got, to cancel it. */
  static final String CODE_HEADER = "Cancellation-Code";

  @Inject BookingService bookings;
  @Inject Callers callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Book a slot",
      description =
          "Logged in (citizen token) or anonymous with a contact (e-mail or phone); an anonymous"
              + " booking's answer carries its cancellation code, shown only this once.")
  public Uni<Response> book(@Valid @NotNull BookingCommand command) {
    return callers
        .current()
        .chain(caller -> bookings.book(command, caller))
        .map(view -> Response.status(201).entity(view).build());
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Cancel a booking",
      description =
          "By its holder's token or with the Cancellation-Code header; until the minimum notice"
              + " before it starts.")
  public Uni<BookingView> cancel(@PathParam("id") UUID id, @HeaderParam(CODE_HEADER) String code) {
    return callers.current().chain(caller -> bookings.cancel(id, code, caller));
  }
}
