package org.lernstadt.participation.contribution.service;

import java.util.Optional;
import java.util.UUID;
import org.lernstadt.participation.dialogue.domain.Dialogue;
import org.lernstadt.participation.dialogue.mapping.DialogueView;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.platform.web.ProblemException;

/** The public dialogue a citizen writes in; a draft is not found. */
final class Dialogues {

  private Dialogues() {}

  static Dialogue open(Optional<DialogueView> found, UUID id) {
    return found
        .filter(d -> d.phase().isPublic())
        .map(DialogueRepository::rules)
        .orElseThrow(() -> ProblemException.notFound("Dialogue " + id));
  }
}
