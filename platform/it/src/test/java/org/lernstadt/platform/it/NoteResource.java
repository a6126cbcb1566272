package org.lernstadt.platform.it;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.ProblemException;

/** Test application endpoints that exercise the outbox and the web defaults. */
@Path("/")
public class NoteResource {

  static final String TOPIC = "test.notes.v1";
  static final String CREATED = "org.lernstadt.test.note.created.v1";

  @Inject Outbox outbox;
  @Inject Pool pool;

  public record NewNote(
      @NotBlank @Size(max = 200) String text, @NotNull @Min(0) @Max(10) Integer priority) {}

  @PUT
  @Path("notes/{id}")
  @RolesAllowed("editor")
  public Uni<Response> create(@PathParam("id") UUID id, @Valid @NotNull NewNote note) {
    return Panache.withTransaction(() -> write(id, note, note.priority()))
        .replaceWith(Response.status(201).entity(Map.of("id", id)).build());
  }

  /** Writes the note and its event, then breaks a rule: the transaction must roll back. */
  @PUT
  @Path("failing-notes/{id}")
  @RolesAllowed("editor")
  public Uni<Response> createThenFail(@PathParam("id") UUID id, @Valid @NotNull NewNote note) {
    return Panache.withTransaction(
        () ->
            write(id, note, note.priority())
                .chain(
                    () ->
                        Uni.createFrom()
                            .failure(new ProblemException(409, "Conflict", "Rule broken."))));
  }

  /** Writes the note with an event whose body breaks the event's schema. */
  @PUT
  @Path("off-schema-notes/{id}")
  @RolesAllowed("editor")
  public Uni<Response> createWithInvalidEvent(
      @PathParam("id") UUID id, @Valid @NotNull NewNote note) {
    return Panache.withTransaction(() -> write(id, note, 99))
        .replaceWith(Response.status(201).build());
  }

  public record BatchNote(@NotNull UUID id, @NotBlank @Size(max = 200) String text) {}

  /**
   * Writes notes with the plain reactive SQL client and their events in one batch; with {@code
   * failAfterWrite} the transaction then fails and must leave nothing behind.
   */
  @PUT
  @Path("batch-notes")
  @RolesAllowed("editor")
  public Uni<Response> createBatch(
      @QueryParam("failAfterWrite") boolean failAfterWrite,
      @NotNull @Size(max = 100) List<@Valid @NotNull BatchNote> notes) {
    return pool.withTransaction(
            conn ->
                conn.preparedQuery("insert into note (id, text, priority) values ($1, $2, 0)")
                    .executeBatch(notes.stream().map(n -> Tuple.of(n.id(), n.text())).toList())
                    .chain(
                        () ->
                            outbox.appendAll(
                                conn,
                                notes.stream()
                                    .map(
                                        n ->
                                            OutgoingEvent.of(
                                                TOPIC,
                                                CREATED,
                                                n.id().toString(),
                                                Map.of("noteId", n.id().toString(), "priority", 0)))
                                    .toList()))
                    .invoke(
                        () -> {
                          if (failAfterWrite) {
                            throw new ProblemException(409, "Conflict", "Rule broken.");
                          }
                        }))
        .replaceWith(Response.status(201).build());
  }

  @GET
  @Path("notes/{id}")
  @RolesAllowed("editor")
  public Uni<Map<String, Object>> get(@PathParam("id") UUID id) {
    return Panache.withSession(
        () ->
            Note.<Note>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Note " + id))
                .map(n -> Map.of("id", n.id, "text", n.text, "priority", n.priority)));
  }

  @GET
  @Path("notes/{id}/tally")
  @RolesAllowed("editor")
  public Uni<Map<String, Object>> tally(@PathParam("id") UUID id) {
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery(
                                "select coalesce((select applied from note_tally where note_id ="
                                    + " :id), 0)",
                                Integer.class)
                            .setParameter("id", id)
                            .getSingleResult())
                .map(applied -> Map.of("id", id, "applied", applied)));
  }

  /** Has no security annotation: the platform default must deny it. */
  @GET
  @Path("unannotated")
  public String unannotated() {
    return "should never be served";
  }

  private Uni<Void> write(UUID id, NewNote request, int eventPriority) {
    Note note = new Note();
    note.id = id;
    note.text = request.text();
    note.priority = request.priority();
    return note.persist()
        .chain(
            () ->
                outbox.append(
                    OutgoingEvent.of(
                        TOPIC,
                        CREATED,
                        id.toString(),
                        Map.of("noteId", id.toString(), "priority", eventPriority))))
        .replaceWithVoid();
  }

  @GET
  @Path("notes")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("editor")
  public Uni<Long> count() {
    return Panache.withSession(Note::count);
  }
}
