package org.lernstadt.catalogue.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.domain.CostKind;
import org.lernstadt.catalogue.offer.domain.LifePhase;
import org.lernstadt.catalogue.offer.domain.Modality;
import org.lernstadt.catalogue.offer.domain.OfferContent;
import org.lernstadt.catalogue.offer.domain.OfferStatus;
import org.lernstadt.catalogue.offer.domain.Topic;
import org.lernstadt.catalogue.offer.rest.OfferPush;

/** Unit test of the content fingerprint; no server involved. */
class OfferContentTest {

  private static OfferPush offer(String title, Set<Topic> topics, Set<Integer> sdgs) {
    return new OfferPush(
        title,
        "",
        topics,
        sdgs,
        Set.of(),
        Set.of(LifePhase.ADULTS),
        Set.of("de"),
        Modality.ON_SITE,
        new OfferPush.Cost(CostKind.FREE, null, null),
        Set.of(),
        null,
        null,
        null,
        OfferStatus.PUBLISHED,
        List.of(
            new OfferPush.Session(
                OffsetDateTime.parse("2027-01-01T10:00:00Z"),
                OffsetDateTime.parse("2027-01-01T12:00:00Z"),
                null,
                null,
                new OfferPush.Location(52.0, 13.0),
                null)));
  }

  @Test
  void orderOfSetsDoesNotChangeTheFingerprint() {
    Set<Topic> ab = new LinkedHashSet<>(List.of(Topic.CULTURE, Topic.HEALTH));
    Set<Topic> ba = new LinkedHashSet<>(List.of(Topic.HEALTH, Topic.CULTURE));
    Set<Integer> sdgs12 = new LinkedHashSet<>(List.of(12, 4));
    Set<Integer> sdgs4 = new LinkedHashSet<>(List.of(4, 12));
    assertEquals(
        OfferContent.of(offer("Kurs", ab, sdgs12)).hash(),
        OfferContent.of(offer("Kurs", ba, sdgs4)).hash());
  }

  @Test
  void changedFieldsNameExactlyWhatDiffers() {
    OfferContent before = OfferContent.of(offer("Kurs", Set.of(Topic.CULTURE), Set.of(4)));
    OfferContent after = OfferContent.of(offer("Kurs 2", Set.of(Topic.CULTURE), Set.of(4)));
    assertNotEquals(before.hash(), after.hash());
    assertEquals(List.of("title"), after.changedFields(before.json()));
  }
}
