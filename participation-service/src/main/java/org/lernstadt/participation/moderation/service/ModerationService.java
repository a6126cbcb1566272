package org.lernstadt.participation.moderation.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.common.RateLimiter;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.contribution.domain.ItemStatus;
import org.lernstadt.participation.contribution.event.ContributionEvents;
import org.lernstadt.participation.contribution.repository.ContributionRepository;
import org.lernstadt.participation.contribution.service.Citizens;
import org.lernstadt.participation.moderation.domain.ModeratedItem;
import org.lernstadt.participation.moderation.domain.ReportReason;
import org.lernstadt.participation.moderation.mapping.DecisionView;
import org.lernstadt.participation.moderation.mapping.QueueItem;
import org.lernstadt.participation.moderation.repository.ModerationRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.ProblemException;

/**
 * Citizens report items once each; at the dialogue's threshold of distinct reporters an item is
 * hidden pending review (never deleted). Moderators keep, hide or remove, recorded with who and
 * why; the author sees the reason and may appeal once. Every step is in the audit list.
 */
@ApplicationScoped
public class ModerationService {

  static final String AUTO_HIDE = "AUTO_HIDE";
  static final String APPEAL = "APPEAL";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final EnumSet<ItemStatus> APPEALABLE =
      EnumSet.of(ItemStatus.PENDING, ItemStatus.HIDDEN, ItemStatus.REMOVED);

  @Inject ModerationRepository moderation;
  @Inject ContributionRepository contributions;
  @Inject RateLimiter rateLimiter;
  @Inject Outbox outbox;

  /** Whether the report hid the item. */
  public record ReportOutcome(UUID reportId, ItemKind itemKind, UUID itemId, boolean hidden) {}

  public Uni<ReportOutcome> report(
      ItemKind kind, UUID itemId, ModerationCommands.Report command, String citizen) {
    Citizens.require(citizen);
    String note = PlainText.optional("note", command.note(), 500);
    if (command.reason() == ReportReason.OTHER && note == null) {
      throw ProblemException.invalid("note", "must say why when the reason is OTHER");
    }
    UUID reportId = UUID.randomUUID();
    return moderation
        .pool()
        .withTransaction(
            conn ->
                moderation
                    .lock(conn, kind, itemId)
                    .map(
                        found ->
                            found
                                .filter(i -> i.status() == ItemStatus.VISIBLE)
                                .orElseThrow(() -> notFound(kind, itemId)))
                    .chain(
                        item -> {
                          rateLimiter.acquire(RateLimiter.Kind.REPORT, citizen, item.dialogueId());
                          return moderation
                              .insertReport(
                                  conn, reportId, item, citizen, command.reason().name(), note)
                              .chain(() -> moderation.addReport(conn, item))
                              .chain(
                                  open ->
                                      open >= item.reportThreshold()
                                          ? autoHide(conn, item, open).replaceWith(true)
                                          : Uni.createFrom().item(false));
                        })
                    .map(hidden -> new ReportOutcome(reportId, kind, itemId, hidden)))
        .onFailure(ModerationService::isUniqueViolation)
        .transform(e -> ProblemException.conflict("You have reported this item already."));
  }

  /** A moderator's decision on an item. */
  public Uni<DecisionView> decide(ModerationCommands.Decide command, String moderator) {
    String reason = PlainText.optional("reason", command.reason(), 1000);
    if (command.decision().status() != ItemStatus.VISIBLE && reason == null) {
      throw ProblemException.invalid("reason", "must give the public reason to hide or remove");
    }
    return moderation
        .pool()
        .withTransaction(
            conn ->
                moderation
                    .lock(conn, command.itemKind(), command.itemId())
                    .map(
                        found ->
                            found.orElseThrow(() -> notFound(command.itemKind(), command.itemId())))
                    .chain(
                        item -> {
                          if (item.status() == ItemStatus.DELETED) {
                            throw ProblemException.conflict(
                                "The author deleted this item; there is nothing to decide.");
                          }
                          ItemStatus to = command.decision().status();
                          List<OutgoingEvent> events = new ArrayList<>();
                          if (item.kind() == ItemKind.CONTRIBUTION) {
                            events.add(moderated(item, command.decision().name()));
                          }
                          return moderation
                              .setStatus(
                                  conn, item, to, to == ItemStatus.VISIBLE ? null : reason, true)
                              .chain(() -> recount(conn, item, to))
                              .chain(
                                  () ->
                                      moderation.insertDecision(
                                          conn, item, command.decision().name(), moderator, reason))
                              .call(() -> outbox.appendAll(conn, events))
                              .chain(id -> moderation.decision(conn, id));
                        }));
  }

  /** The author's one appeal against hiding or removal; it puts the item back in the queue. */
  public Uni<DecisionView> appeal(ModerationCommands.Appeal command, String citizen) {
    Citizens.require(citizen);
    String note = PlainText.required("note", command.note(), 1000);
    return moderation
        .pool()
        .withTransaction(
            conn ->
                moderation
                    .lock(conn, command.itemKind(), command.itemId())
                    .map(
                        found ->
                            found
                                .filter(i -> citizen.equals(i.author()))
                                .orElseThrow(() -> notFound(command.itemKind(), command.itemId())))
                    .chain(
                        item -> {
                          if (!APPEALABLE.contains(item.status())) {
                            throw ProblemException.conflict(
                                "The item is "
                                    + item.status()
                                    + "; only a hidden item can be appealed.");
                          }
                          return moderation
                              .insertAppeal(conn, item, citizen, note)
                              .chain(() -> moderation.markAppealed(conn, item))
                              .chain(
                                  () -> moderation.insertDecision(conn, item, APPEAL, null, note))
                              .chain(id -> moderation.decision(conn, id));
                        }))
        .onFailure(ModerationService::isUniqueViolation)
        .transform(e -> ProblemException.conflict("You have appealed against this already."));
  }

  public Uni<List<QueueItem>> queue(UUID dialogueId, int limit) {
    return moderation.queue(dialogueId, limit);
  }

  public Uni<List<DecisionView>> decisions(UUID itemId, UUID dialogueId, int limit) {
    return moderation.decisions(itemId, dialogueId, limit);
  }

  private Uni<Void> autoHide(SqlConnection conn, ModeratedItem item, int reports) {
    List<OutgoingEvent> events =
        item.kind() == ItemKind.CONTRIBUTION ? List.of(moderated(item, AUTO_HIDE)) : List.of();
    String reason = "Hidden after reports of " + reports + " citizens, pending review.";
    return moderation
        .setStatus(conn, item, ItemStatus.PENDING, reason, false)
        .chain(() -> recount(conn, item, ItemStatus.PENDING))
        .chain(() -> moderation.insertDecision(conn, item, AUTO_HIDE, null, reason))
        .chain(() -> outbox.appendAll(conn, events))
        .replaceWithVoid();
  }

  /** A comment that leaves or returns to public view changes its contribution's count. */
  private Uni<Void> recount(SqlClient sql, ModeratedItem item, ItemStatus to) {
    int delta = (to == ItemStatus.VISIBLE ? 1 : 0) - (item.status() == ItemStatus.VISIBLE ? 1 : 0);
    if (item.kind() != ItemKind.COMMENT || delta == 0) {
      return Uni.createFrom().voidItem();
    }
    return contributions.addComments(sql, item.contributionId(), delta);
  }

  private static OutgoingEvent moderated(ModeratedItem item, String decision) {
    return ContributionEvents.moderated(
        item.dialogueId(), item.id(), decision, item.district(), item.category());
  }

  private static ProblemException notFound(ItemKind kind, UUID id) {
    return ProblemException.notFound(
        (kind == ItemKind.CONTRIBUTION ? "Contribution " : "Comment ") + id);
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }
}
