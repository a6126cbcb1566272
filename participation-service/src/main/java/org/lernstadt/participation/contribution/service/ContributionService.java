package org.lernstadt.participation.contribution.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.participation.common.BadRequests;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.common.Pseudonyms;
import org.lernstadt.participation.common.RateLimiter;
import org.lernstadt.participation.contribution.domain.ItemStatus;
import org.lernstadt.participation.contribution.event.ContributionEvents;
import org.lernstadt.participation.contribution.mapping.ContributionView;
import org.lernstadt.participation.contribution.repository.ContributionRepository;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Filter;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Listed;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Sort;
import org.lernstadt.participation.dialogue.domain.Action;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.ProblemException;

/**
 * Citizens contribute to a dialogue while its phase allows it; the public reads the visible
 * contributions sorted and filtered; authors see and delete their own.
 */
@ApplicationScoped
public class ContributionService {

  @Inject DialogueRepository dialogues;
  @Inject ContributionRepository contributions;
  @Inject Pseudonyms pseudonyms;
  @Inject RateLimiter rateLimiter;
  @Inject Outbox outbox;

  @ConfigProperty(name = "lernstadt.participation.contribution-max-length", defaultValue = "2000")
  int maxLength;

  /** Writes the citizen's contribution and reports it; see {@link ContributionCommand}. */
  public Uni<ContributionView> submit(
      UUID dialogueId, ContributionCommand command, String citizen) {
    Citizens.require(citizen);
    String text = PlainText.required("text", command.text(), maxLength);
    String displayName = PlainText.optional("displayName", command.displayName(), 60);
    UUID id = UUID.randomUUID();
    return pseudonyms
        .of(citizen, dialogueId)
        .chain(
            participant ->
                contributions
                    .pool()
                    .withTransaction(
                        conn ->
                            dialogues
                                .share(conn, dialogueId)
                                .map(found -> Dialogues.open(found, dialogueId))
                                .chain(
                                    dialogue -> {
                                      dialogue.require(Action.CONTRIBUTE, OffsetDateTime.now());
                                      if (!dialogue.hasCategory(command.category())) {
                                        throw ProblemException.invalid(
                                            "category", "must be one of " + dialogue.categories());
                                      }
                                      boolean anonymous = Boolean.TRUE.equals(command.anonymous());
                                      if (anonymous && !dialogue.anonymousContributions()) {
                                        throw ProblemException.invalid(
                                            "anonymous",
                                            "this dialogue takes no anonymous contributions");
                                      }
                                      rateLimiter.acquire(
                                          RateLimiter.Kind.CONTRIBUTION, citizen, dialogueId);
                                      return contributions
                                          .insert(
                                              conn,
                                              id,
                                              dialogueId,
                                              citizen,
                                              participant,
                                              anonymous
                                                  ? null
                                                  : Citizens.displayName(displayName, participant),
                                              text,
                                              command.category(),
                                              command.district(),
                                              command.location(),
                                              command.placeRef(),
                                              anonymous ? ItemStatus.PENDING : ItemStatus.VISIBLE)
                                          .chain(
                                              () ->
                                                  outbox.appendAll(
                                                      conn,
                                                      List.of(
                                                          ContributionEvents.submitted(
                                                              dialogueId,
                                                              id,
                                                              command.category(),
                                                              command.district(),
                                                              participant))));
                                    })
                                .chain(() -> contributions.view(conn, id))
                                .map(found -> found.orElseThrow())));
  }

  /** A public contribution. */
  public Uni<ContributionView> get(UUID id) {
    return contributions
        .view(contributions.pool(), id)
        .map(
            found ->
                found
                    .filter(c -> c.status() == ItemStatus.VISIBLE)
                    .orElseThrow(() -> ProblemException.notFound("Contribution " + id)));
  }

  /** The citizen's own contributions in every status, with the moderators' reasons. */
  public Uni<List<ContributionView>> mine(String citizen) {
    Citizens.require(citizen);
    return contributions.mine(citizen);
  }

  /** Public contributions of the dialogue resembling the text, to avoid duplicates. */
  public Uni<List<ContributionView>> similar(UUID dialogueId, String text, int limit) {
    String plain = PlainText.required("text", text, maxLength);
    return dialogues
        .find(dialogues.pool(), dialogueId)
        .map(found -> Dialogues.open(found, dialogueId))
        .chain(() -> contributions.similar(dialogueId, plain, limit));
  }

  public Uni<Page<ContributionView>> list(
      UUID dialogueId, Sort sort, Filter filter, PageRequest page) {
    Double afterKey = null;
    Long afterSeq = null;
    if (page.after() != null) {
      try {
        afterKey = Double.valueOf(page.after().key(0));
        afterSeq = Long.valueOf(page.after().key(1));
      } catch (RuntimeException e) {
        throw BadRequests.cursor();
      }
    }
    Double key = afterKey;
    Long seq = afterSeq;
    return dialogues
        .find(dialogues.pool(), dialogueId)
        .map(found -> Dialogues.open(found, dialogueId))
        .chain(() -> contributions.list(dialogueId, sort, filter, key, seq, page.fetchSize()))
        .map(
            rows -> {
              Page<Listed> listed =
                  Page.of(
                      rows,
                      page,
                      l -> Cursor.of(String.valueOf(l.score()), String.valueOf(l.seq())));
              return new Page<>(listed.items().stream().map(Listed::view).toList(), listed.next());
            });
  }

  /** The author deletes their contribution: it leaves every public view and is anonymised. */
  public Uni<Void> delete(UUID id, String citizen) {
    Citizens.require(citizen);
    return contributions
        .deleteOwn(contributions.pool(), id, citizen)
        .invoke(
            deleted -> {
              if (!deleted) {
                throw ProblemException.notFound("Your contribution " + id);
              }
            })
        .replaceWithVoid();
  }
}
