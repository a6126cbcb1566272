package org.lernstadt.participation.dialogue.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.participation.common.BadRequests;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.domain.PhaseWindow;
import org.lernstadt.participation.dialogue.domain.RatingMode;
import org.lernstadt.participation.dialogue.event.DialogueEvents;
import org.lernstadt.participation.dialogue.mapping.DialogueView;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.participation.results.mapping.Summary;
import org.lernstadt.participation.results.repository.ResultsRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.ProblemException;
import org.lernstadt.platform.web.TextQuery;

/**
 * Editors create dialogues as drafts, define their phases and move them forward; each move is one
 * event. The public sees dialogues once they left the draft.
 */
@ApplicationScoped
public class DialogueService {

  @Inject DialogueRepository dialogues;
  @Inject ResultsRepository results;
  @Inject Outbox outbox;

  @ConfigProperty(name = "lernstadt.participation.report-threshold", defaultValue = "3")
  int defaultReportThreshold;

  public Uni<DialogueView> create(DialogueCommand command, String editor) {
    DialogueView view = toView(UUID.randomUUID(), command, Phase.DRAFT, null);
    return dialogues
        .insert(dialogues.pool(), view, editor)
        .chain(() -> dialogues.find(dialogues.pool(), view.id()))
        .map(found -> found.orElseThrow());
  }

  /** Replaces the definition; the phase stays. */
  public Uni<DialogueView> update(UUID id, DialogueCommand command) {
    return dialogues
        .pool()
        .withTransaction(
            conn ->
                dialogues
                    .lock(conn, id)
                    .map(found -> found.orElseThrow(() -> notFound(id)))
                    .chain(
                        current ->
                            dialogues.update(
                                conn, toView(id, command, current.phase(), current.createdAt())))
                    .chain(() -> dialogues.find(conn, id))
                    .map(found -> found.orElseThrow()));
  }

  /** A dialogue; a draft only for those who manage dialogues. */
  public Uni<DialogueView> get(UUID id, boolean includeDraft) {
    return dialogues
        .find(dialogues.pool(), id)
        .map(
            found ->
                found
                    .filter(d -> includeDraft || d.phase().isPublic())
                    .orElseThrow(() -> notFound(id)));
  }

  public Uni<Page<DialogueView>> list(
      Phase phase, TextQuery text, String district, PageRequest page) {
    OffsetDateTime afterCreated = null;
    UUID afterId = null;
    if (page.after() != null) {
      try {
        afterCreated = OffsetDateTime.parse(page.after().key(0));
        afterId = UUID.fromString(page.after().key(1));
      } catch (RuntimeException e) {
        throw BadRequests.cursor();
      }
    }
    return dialogues
        .list(
            phase,
            text == null ? null : text.containsPattern(),
            district,
            afterCreated,
            afterId,
            page.fetchSize())
        .map(
            rows ->
                Page.of(rows, page, d -> Cursor.of(d.createdAt().toString(), d.id().toString())));
  }

  /**
   * Moves the dialogue to a later phase and reports it; publishing results counts what the dialogue
   * gathered in the same transaction.
   */
  public Uni<DialogueView> changePhase(UUID id, Phase to) {
    return dialogues
        .pool()
        .withTransaction(
            conn ->
                dialogues
                    .lock(conn, id)
                    .map(found -> found.orElseThrow(() -> notFound(id)))
                    .chain(
                        current -> {
                          Phase from = current.phase();
                          if (to.ordinal() <= from.ordinal()) {
                            throw ProblemException.conflict(
                                "The dialogue is in phase "
                                    + from
                                    + "; it can only move to a later phase, not to "
                                    + to
                                    + ".");
                          }
                          Uni<Summary> summary =
                              to == Phase.RESULTS_PUBLISHED
                                  ? results.summary(conn, id)
                                  : Uni.createFrom().nullItem();
                          return dialogues
                              .changePhase(conn, id, to)
                              .chain(() -> summary)
                              .chain(
                                  counts ->
                                      outbox.appendAll(
                                          conn,
                                          List.of(
                                              DialogueEvents.phaseChanged(
                                                  current, from, to, counts))))
                              .chain(() -> dialogues.find(conn, id))
                              .map(found -> found.orElseThrow());
                        }));
  }

  private DialogueView toView(UUID id, DialogueCommand c, Phase phase, OffsetDateTime createdAt) {
    List<String> questions = new ArrayList<>();
    if (c.questions() != null) {
      for (int i = 0; i < c.questions().size(); i++) {
        questions.add(PlainText.required("questions[" + i + "]", c.questions().get(i), 500));
      }
    }
    return new DialogueView(
        id,
        PlainText.required("title", c.title(), 200),
        c.description() == null ? "" : PlainText.of(c.description()),
        questions,
        List.copyOf(c.categories()),
        c.districts() == null ? List.of() : List.copyOf(c.districts()),
        phase,
        phases(c.phases()),
        c.ratingMode() == null ? RatingMode.UPDOWN : c.ratingMode(),
        c.maxCommentDepth() == null ? 3 : c.maxCommentDepth(),
        c.maxCommentLength() == null ? 1000 : c.maxCommentLength(),
        c.reportThreshold() == null ? defaultReportThreshold : c.reportThreshold(),
        Boolean.TRUE.equals(c.anonymousContributions()),
        createdAt,
        null);
  }

  private static List<PhaseWindow> phases(List<DialogueCommand.PhaseCommand> commands) {
    if (commands == null) {
      return List.of();
    }
    EnumSet<Phase> seen = EnumSet.noneOf(Phase.class);
    List<PhaseWindow> windows = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      DialogueCommand.PhaseCommand p = commands.get(i);
      if (!seen.add(p.phase())) {
        throw ProblemException.invalid("phases[" + i + "].phase", "is defined twice");
      }
      if (p.startsAt() != null && p.endsAt() != null && !p.startsAt().isBefore(p.endsAt())) {
        throw ProblemException.invalid("phases[" + i + "].endsAt", "must be after startsAt");
      }
      windows.add(
          new PhaseWindow(
              p.phase(),
              p.startsAt(),
              p.endsAt(),
              p.actions() == null ? p.phase().defaultActions() : p.actions()));
    }
    return windows;
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("Dialogue " + id);
  }
}
