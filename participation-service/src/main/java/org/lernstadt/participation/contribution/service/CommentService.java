package org.lernstadt.participation.contribution.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.common.Pseudonyms;
import org.lernstadt.participation.common.RateLimiter;
import org.lernstadt.participation.contribution.domain.ItemStatus;
import org.lernstadt.participation.contribution.domain.StoredContribution;
import org.lernstadt.participation.contribution.event.ContributionEvents;
import org.lernstadt.participation.contribution.mapping.CommentView;
import org.lernstadt.participation.contribution.repository.CommentRepository;
import org.lernstadt.participation.contribution.repository.ContributionRepository;
import org.lernstadt.participation.dialogue.domain.Action;
import org.lernstadt.participation.dialogue.domain.Dialogue;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.ProblemException;

/** Threaded comments on public contributions, nested and long at most as the dialogue allows. */
@ApplicationScoped
public class CommentService {

  private static final int THREAD_LIMIT = 1000;

  @Inject DialogueRepository dialogues;
  @Inject ContributionRepository contributions;
  @Inject CommentRepository comments;
  @Inject Pseudonyms pseudonyms;
  @Inject RateLimiter rateLimiter;
  @Inject Outbox outbox;

  public Uni<CommentView> post(UUID contributionId, CommentCommand command, String citizen) {
    Citizens.require(citizen);
    String displayName = PlainText.optional("displayName", command.displayName(), 60);
    UUID id = UUID.randomUUID();
    return contributions
        .pool()
        .withTransaction(
            conn ->
                contributions
                    .stored(conn, contributionId)
                    .map(
                        found ->
                            found
                                .filter(StoredContribution::isVisible)
                                .orElseThrow(
                                    () ->
                                        ProblemException.notFound(
                                            "Contribution " + contributionId)))
                    .chain(
                        contribution ->
                            dialogues
                                .share(conn, contribution.dialogueId())
                                .map(found -> Dialogues.open(found, contribution.dialogueId()))
                                .chain(
                                    dialogue -> {
                                      dialogue.require(Action.COMMENT, OffsetDateTime.now());
                                      String text =
                                          PlainText.required(
                                              "text", command.text(), dialogue.maxCommentLength());
                                      return depth(conn, contribution, command.parentId(), dialogue)
                                          .chain(
                                              depth -> {
                                                rateLimiter.acquire(
                                                    RateLimiter.Kind.COMMENT,
                                                    citizen,
                                                    dialogue.id());
                                                return pseudonyms
                                                    .of(citizen, dialogue.id())
                                                    .chain(
                                                        participant ->
                                                            comments
                                                                .insert(
                                                                    conn,
                                                                    id,
                                                                    contributionId,
                                                                    command.parentId(),
                                                                    depth,
                                                                    citizen,
                                                                    participant,
                                                                    Citizens.displayName(
                                                                        displayName, participant),
                                                                    text,
                                                                    command.stance())
                                                                .chain(
                                                                    () ->
                                                                        contributions.addComments(
                                                                            conn,
                                                                            contributionId,
                                                                            1))
                                                                .chain(
                                                                    () ->
                                                                        outbox.appendAll(
                                                                            conn,
                                                                            List.of(
                                                                                ContributionEvents
                                                                                    .commentPosted(
                                                                                        dialogue
                                                                                            .id(),
                                                                                        contributionId,
                                                                                        id,
                                                                                        contribution
                                                                                            .district(),
                                                                                        participant)))));
                                              });
                                    }))
                    .chain(() -> comments.view(conn, id))
                    .map(found -> found.orElseThrow()));
  }

  /** The public comments of a public contribution, in the order they were written. */
  public Uni<List<CommentView>> thread(UUID contributionId) {
    return contributions
        .stored(contributions.pool(), contributionId)
        .map(
            found ->
                found
                    .filter(StoredContribution::isVisible)
                    .orElseThrow(() -> ProblemException.notFound("Contribution " + contributionId)))
        .chain(() -> comments.thread(contributionId, THREAD_LIMIT));
  }

  /** The citizen's own comments in every status, with the moderators' reasons. */
  public Uni<List<CommentView>> mine(String citizen) {
    Citizens.require(citizen);
    return comments.mine(citizen);
  }

  /** The depth of the new comment: 1 on the contribution, one below a public parent. */
  private Uni<Integer> depth(
      io.vertx.mutiny.sqlclient.SqlClient conn,
      StoredContribution contribution,
      UUID parentId,
      Dialogue dialogue) {
    if (parentId == null) {
      return Uni.createFrom().item(1);
    }
    return comments
        .view(conn, parentId)
        .map(
            found -> {
              CommentView parent =
                  found
                      .filter(
                          p ->
                              p.contributionId().equals(contribution.id())
                                  && p.status() == ItemStatus.VISIBLE)
                      .orElseThrow(
                          () ->
                              ProblemException.invalid(
                                  "parentId", "is no public comment of this contribution"));
              int depth = parent.depth() + 1;
              if (depth > dialogue.maxCommentDepth()) {
                throw ProblemException.invalid(
                    "parentId",
                    "a reply here would be at depth "
                        + depth
                        + "; this dialogue allows at most "
                        + dialogue.maxCommentDepth());
              }
              return depth;
            });
  }
}
