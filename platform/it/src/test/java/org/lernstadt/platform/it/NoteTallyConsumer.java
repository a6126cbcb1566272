package org.lernstadt.platform.it;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lernstadt.platform.events.EventConsumer;
import org.lernstadt.platform.events.IncomingEvent;
import org.lernstadt.platform.events.MalformedEventException;

/** Counts how often each note's event was applied: exactly once is the goal. */
@ApplicationScoped
public class NoteTallyConsumer {

  @Inject EventConsumer consumer;

  @Incoming("notes-in")
  public Uni<Void> consume(Message<String> message) {
    return consumer.handle("note-tally", message, this::apply);
  }

  private Uni<Void> apply(IncomingEvent event) {
    UUID noteId;
    try {
      noteId = UUID.fromString(event.data().path("noteId").asText());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("noteId is not a UUID");
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "insert into note_tally (note_id, applied) values (:id, 1)"
                            + " on conflict (note_id) do update set applied = note_tally.applied + 1")
                    .setParameter("id", noteId)
                    .executeUpdate())
        .replaceWithVoid();
  }
}
