package org.lernstadt.catalogue.enrolment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.enrolment.event.EnrolmentEvents;
import org.lernstadt.catalogue.enrolment.mapping.EnrolmentView;
import org.lernstadt.catalogue.enrolment.service.EnrolmentService;
import org.lernstadt.platform.testing.Concurrently;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The capacity under concurrent enrolments and cancellations, through the real PostgreSQL and the
 * broker.
 *
 * <p>Why the service bean and not HTTP: the realm has two citizens (citizen1, citizen2), and one
 * citizen has at most one enrolment per offer, so 30 parallel enrolments of 30 different people
 * cannot be made with real tokens. The endpoint only passes the token's {@code sub} to {@link
 * EnrolmentService#enrol}; everything that guards the capacity (the transaction, the tally row
 * lock, the guarded increment, the CHECK, the outbox) is in and below that method, so calling it
 * directly with 30 distinct subject ids tests exactly that. {@link EnrolmentTest} covers the HTTP
 * layer, the roles and the token's subject with real tokens.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class EnrolmentCapacityTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static boolean ready;

  @Inject EnrolmentService enrolments;

  @BeforeEach
  void providers() throws Exception {
    if (!ready) {
      GroupOffers.providersAndADistrict();
      ready = true;
    }
  }

  private static List<String> subjects(int n) {
    String run = UUID.randomUUID().toString();
    return IntStream.range(0, n).mapToObj(i -> "subject-" + run + "-" + i).toList();
  }

  private EnrolmentView enrol(UUID offer, String subject) {
    return enrolments.enrol(offer, subject).await().atMost(WAIT).enrolment();
  }

  private EnrolmentView mine(UUID offer, String subject) {
    return enrolments.mine(offer, subject).await().atMost(WAIT);
  }

  @Test
  void exactlyTenOfThirtyParallelEnrolmentsGetAPlace() throws Exception {
    String offerId = GroupOffers.group(10);
    UUID offer = UUID.fromString(offerId);
    List<String> people = subjects(30);

    List<EnrolmentView> results =
        Concurrently.together(
            people.stream().map(s -> (Callable<EnrolmentView>) () -> enrol(offer, s)).toList());

    Map<String, List<EnrolmentView>> byStatus =
        results.stream().collect(Collectors.groupingBy(EnrolmentView::status));
    assertEquals(10, byStatus.get("ENROLLED").size());
    assertEquals(20, byStatus.get("WAITLISTED").size());
    assertTrue(byStatus.get("ENROLLED").stream().allMatch(e -> e.position() == null));
    // Each waiting citizen got a distinct place on the list: 1 to 20.
    assertEquals(
        IntStream.rangeClosed(1, 20).boxed().toList(),
        byStatus.get("WAITLISTED").stream().map(EnrolmentView::position).sorted().toList());

    assertArrayEquals(new int[] {10, 10, 20}, GroupOffers.tally(offerId));
    assertEquals(10, GroupOffers.rows(offerId, "ENROLLED"));
    assertEquals(20, GroupOffers.rows(offerId, "WAITLISTED"));

    // An enrolled citizen cancels: the first on the waiting list moves up, the rest move forward.
    Map<Integer, String> waiting = new java.util.HashMap<>();
    for (int i = 0; i < people.size(); i++) {
      if (results.get(i).position() != null) {
        waiting.put(results.get(i).position(), people.get(i));
      }
    }
    String leaving =
        people.get(
            IntStream.range(0, 30)
                .filter(i -> results.get(i).status().equals("ENROLLED"))
                .findFirst()
                .orElseThrow());
    EnrolmentView cancelled = enrolments.cancelMine(offer, leaving).await().atMost(WAIT);
    assertEquals("CANCELLED", cancelled.status());
    EnrolmentView movedUp = mine(offer, waiting.get(1));
    assertEquals("ENROLLED", movedUp.status());
    assertNull(movedUp.position());
    assertEquals(1, mine(offer, waiting.get(2)).position());
    assertEquals(19, mine(offer, waiting.get(20)).position());
    assertArrayEquals(new int[] {10, 10, 19}, GroupOffers.tally(offerId));
    assertEquals(10, GroupOffers.rows(offerId, "ENROLLED"));

    // On the broker, in commit order: ten places taken, twenty joined the list, one cancellation
    // and the move-up; never more than ten enrolled; and no subject id anywhere.
    List<ConsumerRecord<String, String>> records = GroupOffers.enrolmentRecords(offerId, 32);
    assertEquals(32, records.size());
    List<String> expectedTypes = new ArrayList<>();
    List<List<Integer>> expectedCounts = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      expectedTypes.add(EnrolmentEvents.OPENED);
      expectedCounts.add(List.of(i, 0));
    }
    for (int i = 1; i <= 20; i++) {
      expectedTypes.add(EnrolmentEvents.WAITLISTED);
      expectedCounts.add(List.of(10, i));
    }
    expectedTypes.add(EnrolmentEvents.CANCELLED);
    expectedCounts.add(List.of(9, 20));
    expectedTypes.add(EnrolmentEvents.OPENED);
    expectedCounts.add(List.of(10, 19));
    assertEquals(expectedTypes, records.stream().map(GroupOffers::type).toList());
    assertEquals(expectedCounts, records.stream().map(GroupOffers::counts).toList());
    for (ConsumerRecord<String, String> record : records) {
      String all = GroupOffers.everything(record);
      for (String subject : people) {
        assertFalse(all.contains(subject), "a subject id in " + all);
      }
      assertFalse(all.contains("subject-"), all);
      assertEquals(10, GroupOffers.body(record).get("capacity").asInt());
    }
  }

  @Test
  void parallelCancellationsAndEnrolmentsServeTheWaitingListFirst() throws Exception {
    String offerId = GroupOffers.group(5);
    UUID offer = UUID.fromString(offerId);
    List<String> enrolled = subjects(5);
    List<String> waiting = subjects(5);
    List<String> late = subjects(10);
    for (String s : enrolled) {
      assertEquals("ENROLLED", enrol(offer, s).status());
    }
    for (String s : waiting) {
      assertEquals("WAITLISTED", enrol(offer, s).status());
    }

    List<Callable<EnrolmentView>> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String newcomer = late.get(i);
      tasks.add(() -> enrol(offer, newcomer));
      if (i < 5) {
        String leaving = enrolled.get(i);
        tasks.add(() -> enrolments.cancelMine(offer, leaving).await().atMost(WAIT));
      }
    }
    Concurrently.together(tasks);

    // Every freed place went to the waiting list in its order; no newcomer overtook it.
    for (String s : waiting) {
      assertEquals("ENROLLED", mine(offer, s).status(), s);
    }
    List<Integer> positions = new ArrayList<>();
    for (String s : late) {
      EnrolmentView view = mine(offer, s);
      assertEquals("WAITLISTED", view.status(), s);
      positions.add(view.position());
    }
    assertEquals(
        IntStream.rangeClosed(1, 10).boxed().toList(), positions.stream().sorted().toList());
    assertArrayEquals(new int[] {5, 5, 10}, GroupOffers.tally(offerId));
    assertEquals(5, GroupOffers.rows(offerId, "ENROLLED"));
    assertEquals(10, GroupOffers.rows(offerId, "WAITLISTED"));
    assertEquals(5, GroupOffers.rows(offerId, "CANCELLED"));

    List<ConsumerRecord<String, String>> records = GroupOffers.enrolmentRecords(offerId, 30);
    assertEquals(30, records.size());
    assertTrue(records.stream().allMatch(r -> GroupOffers.counts(r).get(0) <= 5));
  }

  @Test
  void aChangedCapacityTakesNoPlaceAwayAndLetsNobodyOvertake() throws Exception {
    String externalId = "gruppe-" + UUID.randomUUID();
    UUID offer = UUID.fromString(GroupOffers.put("partner-vhs", externalId, 1, "PUBLISHED"));
    List<String> s = subjects(6);
    assertEquals("ENROLLED", enrol(offer, s.get(0)).status());
    assertEquals(1, enrol(offer, s.get(1)).position());
    assertEquals(2, enrol(offer, s.get(2)).position());

    // The provider raises the capacity to 3: the next enrolment first fills the new places from
    // the waiting list, then waits itself.
    GroupOffers.put("partner-vhs", externalId, 3, "PUBLISHED");
    EnrolmentView fourth = enrol(offer, s.get(3));
    assertEquals("WAITLISTED", fourth.status());
    assertEquals(1, fourth.position());
    assertEquals("ENROLLED", mine(offer, s.get(1)).status());
    assertEquals("ENROLLED", mine(offer, s.get(2)).status());
    assertArrayEquals(new int[] {3, 3, 1}, GroupOffers.tally(offer.toString()));

    // The provider lowers it to 1: nobody loses a place, but nobody moves up until the group is
    // below the new capacity.
    GroupOffers.put("partner-vhs", externalId, 1, "PUBLISHED");
    assertEquals(2, enrol(offer, s.get(4)).position());
    enrolments.cancelMine(offer, s.get(0)).await().atMost(WAIT);
    assertEquals("WAITLISTED", mine(offer, s.get(3)).status());
    enrolments.cancelMine(offer, s.get(1)).await().atMost(WAIT);
    assertEquals("WAITLISTED", mine(offer, s.get(3)).status());
    assertArrayEquals(new int[] {1, 1, 2}, GroupOffers.tally(offer.toString()));
    enrolments.cancelMine(offer, s.get(2)).await().atMost(WAIT);
    assertEquals("ENROLLED", mine(offer, s.get(3)).status());
    assertEquals(1, mine(offer, s.get(4)).position());
    assertArrayEquals(new int[] {1, 1, 1}, GroupOffers.tally(offer.toString()));
  }
}
