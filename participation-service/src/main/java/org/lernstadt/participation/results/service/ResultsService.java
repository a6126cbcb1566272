package org.lernstadt.participation.results.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.contribution.domain.StoredContribution;
import org.lernstadt.participation.contribution.repository.ContributionRepository;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Filter;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Listed;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.mapping.DialogueView;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.participation.results.mapping.AnswerView;
import org.lernstadt.participation.results.mapping.Export;
import org.lernstadt.participation.results.mapping.PublicContribution;
import org.lernstadt.participation.results.mapping.Results;
import org.lernstadt.participation.results.mapping.Summary;
import org.lernstadt.participation.results.repository.ResultsRepository;
import org.lernstadt.platform.web.ProblemException;

/**
 * What a dialogue gathered, for the public: live statistics while it runs, the published results
 * with the city's answers afterwards, a map layer and open-data exports. Only public items count.
 */
@ApplicationScoped
public class ResultsService {

  private static final int TOP_RATED = 10;

  @Inject DialogueRepository dialogues;
  @Inject ContributionRepository contributions;
  @Inject ResultsRepository results;

  /** The published results; refused until the city published them. */
  public Uni<Results> results(UUID dialogueId) {
    return publicDialogue(dialogueId)
        .chain(
            dialogue -> {
              if (dialogue.phase() != Phase.RESULTS_PUBLISHED) {
                throw ProblemException.notFound("Published results of dialogue " + dialogueId);
              }
              return results
                  .summary(dialogues.pool(), dialogueId)
                  .chain(
                      summary ->
                          contributions
                              .list(
                                  dialogueId,
                                  ContributionRepository.Sort.TOP,
                                  new Filter(null, null, null),
                                  null,
                                  null,
                                  TOP_RATED)
                              .chain(
                                  top ->
                                      results
                                          .answers(dialogues.pool(), dialogueId)
                                          .map(
                                              answers ->
                                                  new Results(
                                                      dialogueId,
                                                      dialogue.title(),
                                                      dialogue.phaseChangedAt(),
                                                      summary.totals(),
                                                      summary.perCategory(),
                                                      summary.perDistrict(),
                                                      top.stream().map(Listed::view).toList(),
                                                      answers))));
            });
  }

  /** Live participation statistics of a public dialogue. */
  public Uni<Summary> stats(UUID dialogueId) {
    return publicDialogue(dialogueId).chain(d -> results.summary(dialogues.pool(), dialogueId));
  }

  public Uni<List<AnswerView>> answers(UUID dialogueId) {
    return publicDialogue(dialogueId).chain(d -> results.answers(dialogues.pool(), dialogueId));
  }

  /** The public contributions that have a point, for the map layer. */
  public Uni<List<PublicContribution>> map(UUID dialogueId) {
    return publicDialogue(dialogueId)
        .chain(d -> results.publicContributions(dialogues.pool(), dialogueId, true));
  }

  public Uni<Export> export(UUID dialogueId) {
    return publicDialogue(dialogueId)
        .chain(
            dialogue ->
                results
                    .publicContributions(dialogues.pool(), dialogueId, false)
                    .chain(
                        items ->
                            results
                                .publicComments(dialogues.pool(), dialogueId)
                                .chain(
                                    comments ->
                                        results
                                            .answers(dialogues.pool(), dialogueId)
                                            .map(
                                                answers ->
                                                    new Export(
                                                        dialogueId,
                                                        dialogue.title(),
                                                        dialogue.phase().name(),
                                                        Export.FIELDS,
                                                        items,
                                                        comments,
                                                        answers)))));
  }

  /** The city answers a category of the dialogue (again: the answer is replaced). */
  public Uni<AnswerView> answerCategory(
      UUID dialogueId, String category, AnswerCommand command, String editor) {
    String text = PlainText.required("text", command.text(), 10000);
    return publicDialogue(dialogueId)
        .chain(
            dialogue -> {
              if (!dialogue.categories().contains(category)) {
                throw ProblemException.notFound("Category " + category + " of the dialogue");
              }
              return results
                  .upsertAnswer(
                      dialogues.pool(),
                      dialogueId,
                      category,
                      null,
                      command.status(),
                      command.progress(),
                      text,
                      editor)
                  .chain(id -> results.answer(dialogues.pool(), id));
            });
  }

  /** The city answers one public contribution. */
  public Uni<AnswerView> answerContribution(
      UUID contributionId, AnswerCommand command, String editor) {
    String text = PlainText.required("text", command.text(), 10000);
    return contributions
        .stored(contributions.pool(), contributionId)
        .map(
            found ->
                found
                    .filter(StoredContribution::isVisible)
                    .orElseThrow(() -> ProblemException.notFound("Contribution " + contributionId)))
        .chain(
            c ->
                results
                    .upsertAnswer(
                        dialogues.pool(),
                        c.dialogueId(),
                        null,
                        contributionId,
                        command.status(),
                        command.progress(),
                        text,
                        editor)
                    .chain(id -> results.answer(dialogues.pool(), id)));
  }

  private Uni<DialogueView> publicDialogue(UUID id) {
    return dialogues
        .find(dialogues.pool(), id)
        .map(
            found ->
                found
                    .filter(d -> d.phase().isPublic())
                    .orElseThrow(() -> ProblemException.notFound("Dialogue " + id)));
  }
}
