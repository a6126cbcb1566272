package org.lernstadt.participation.contribution.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.contribution.domain.StoredContribution;
import org.lernstadt.participation.contribution.event.ContributionEvents;
import org.lernstadt.participation.contribution.mapping.ContributionView;
import org.lernstadt.participation.contribution.repository.ContributionRepository;
import org.lernstadt.participation.dialogue.domain.Action;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.ProblemException;

/**
 * One rating per citizen per contribution (the primary key of {@code rating} guarantees it),
 * changeable while the dialogue allows rating. The contribution's row is locked while its
 * aggregates change, so count, sum and score always match the rating rows.
 */
@ApplicationScoped
public class RatingService {

  @Inject DialogueRepository dialogues;
  @Inject ContributionRepository contributions;
  @Inject Outbox outbox;

  /** Gives or changes the citizen's rating; returns the contribution with its new aggregates. */
  public Uni<ContributionView> rate(UUID contributionId, int value, String citizen) {
    Citizens.require(citizen);
    return contributions
        .pool()
        .withTransaction(
            conn ->
                contributions
                    .stored(conn, contributionId)
                    .map(found -> visible(found, contributionId))
                    // The dialogue first, then the contribution: the lock order of every write.
                    .chain(
                        c ->
                            dialogues
                                .share(conn, c.dialogueId())
                                .map(found -> Dialogues.open(found, c.dialogueId())))
                    .chain(
                        dialogue -> {
                          dialogue.require(Action.RATE, OffsetDateTime.now());
                          if (!dialogue.ratingMode().accepts(value)) {
                            throw ProblemException.invalid(
                                "value", "must be " + dialogue.ratingMode().allowedValues());
                          }
                          return contributions
                              .lock(conn, contributionId)
                              .map(locked -> visible(locked, contributionId))
                              .chain(
                                  c ->
                                      contributions
                                          .rating(conn, contributionId, citizen)
                                          .chain(
                                              old -> {
                                                int count =
                                                    c.ratingCount() + (old.isEmpty() ? 1 : 0);
                                                long sum = c.ratingSum() + value - old.orElse(0);
                                                double score =
                                                    dialogue.ratingMode().score(count, sum);
                                                return contributions
                                                    .upsertRating(
                                                        conn, contributionId, citizen, value)
                                                    .chain(
                                                        () ->
                                                            contributions.setRatings(
                                                                conn,
                                                                contributionId,
                                                                count,
                                                                sum,
                                                                score))
                                                    .chain(
                                                        () ->
                                                            outbox.appendAll(
                                                                conn,
                                                                List.of(
                                                                    ContributionEvents.ratingGiven(
                                                                        c.dialogueId(),
                                                                        contributionId,
                                                                        c.district(),
                                                                        count,
                                                                        score))));
                                              }));
                        })
                    .chain(() -> contributions.view(conn, contributionId))
                    .map(found -> found.orElseThrow()));
  }

  private static StoredContribution visible(java.util.Optional<StoredContribution> found, UUID id) {
    return found
        .filter(StoredContribution::isVisible)
        .orElseThrow(() -> ProblemException.notFound("Contribution " + id));
  }
}
