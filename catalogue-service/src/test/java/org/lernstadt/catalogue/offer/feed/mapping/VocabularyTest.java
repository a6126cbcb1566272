package org.lernstadt.catalogue.offer.feed.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.domain.LifePhase;
import org.lernstadt.catalogue.offer.domain.TargetGroup;
import org.lernstadt.catalogue.offer.domain.Topic;

/** The mapping table of feed words onto the controlled lists, and the feed's field names. */
class VocabularyTest {

  @Test
  void germanAndEnglishWordsMapInAnyCaseWithOrWithoutUmlauts() {
    assertEquals(Set.of(Topic.HEALTH), Vocabulary.topics("Ernährung"));
    assertEquals(Set.of(Topic.HEALTH), Vocabulary.topics("ERNAHRUNG"));
    assertEquals(Set.of(Topic.DIGITAL_SKILLS), Vocabulary.topics("Digitale Kompetenzen"));
    assertEquals(Set.of(Topic.SUSTAINABLE_DEVELOPMENT), Vocabulary.topics("Climate"));
    assertEquals(Set.of(Topic.LANGUAGES), Vocabulary.topics("Deutsch als Fremdsprache"));
    assertEquals(Set.of(Topic.CIVIC), Vocabulary.topics("Bürgerbeteiligung"));
    // A phrase maps by its words when it is not in the table as a whole.
    assertEquals(
        Set.of(Topic.CULTURE, Topic.HEALTH), Vocabulary.topics("Musik und Bewegung für Kinder"));
    assertEquals(Set.of(), Vocabulary.topics("Astrologie"));
  }

  @Test
  void theCataloguesOwnCodesMapToThemselves() {
    for (Topic topic : Topic.values()) {
      assertEquals(Set.of(topic), Vocabulary.topics(topic.name()), topic.name());
    }
    for (TargetGroup group : TargetGroup.values()) {
      assertEquals(Set.of(group), Vocabulary.targetGroups(group.name()), group.name());
    }
    for (LifePhase phase : LifePhase.values()) {
      assertEquals(Set.of(phase), Vocabulary.lifePhases(phase.name()), phase.name());
    }
  }

  @Test
  void anAudienceGivesTargetGroupAndLifePhase() {
    assertEquals(Set.of(TargetGroup.SENIORS), Vocabulary.targetGroups("Seniorinnen"));
    assertEquals(Set.of(LifePhase.SENIORS), Vocabulary.lifePhases("Seniorinnen"));
    assertEquals(Set.of(TargetGroup.NEWCOMERS), Vocabulary.targetGroups("Geflüchtete"));
    assertEquals(Set.of(LifePhase.SCHOOL_TO_WORK), Vocabulary.lifePhases("Übergang Schule-Beruf"));
    assertEquals(Set.of(), Vocabulary.lifePhases("alle"));
  }

  @Test
  void offerFieldsAreNamedByTheCoursePropertiesTheyCameFrom() {
    assertEquals("name", FeedFields.name("title"));
    assertEquals("about", FeedFields.name("topics[1]"));
    assertEquals("offers.price", FeedFields.name("cost.feeCents"));
    assertEquals("hasCourseInstance[2].endDate", FeedFields.name("sessions[2].end"));
    assertEquals("hasCourseInstance[0].location.geo", FeedFields.name("sessions[0].location.lat"));
    assertEquals("hasCourseInstance[1].location.url", FeedFields.name("sessions[1].onlineUrl"));
    assertEquals("@id", FeedFields.name("externalId"));
  }
}
