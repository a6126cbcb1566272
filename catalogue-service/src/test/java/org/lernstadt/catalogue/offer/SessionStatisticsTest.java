package org.lernstadt.catalogue.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Autovacuum keeps the planner's statistics of offer sessions current: it analyses the table, and
 * with it the spatial index's expression, with a search_path of pg_catalog only.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class SessionStatisticsTest {

  @Inject Pool pool;

  @Test
  void sessionsCanBeAnalysedWithTheSearchPathOfAutovacuum() throws Exception {
    PartnerOfferTest.providersAndADistrict();
    PartnerOfferTest.put(
            "partner-vhs",
            "stats-" + System.nanoTime(),
            PartnerOfferTest.offer("Statistik", "PUBLISHED", PartnerOfferTest.ONE_SESSION_IN_MITTE))
        .statusCode(201);
    long analysed =
        pool.withTransaction(
                conn ->
                    conn.query("set local search_path = pg_catalog")
                        .execute()
                        .chain(() -> conn.query("analyze public.offer_session").execute())
                        .chain(
                            () ->
                                conn.query(
                                        "select count(*) from pg_catalog.pg_stats"
                                            + " where schemaname = 'public'"
                                            + " and tablename = 'offer_session_earth'")
                                    .execute())
                        .map(rows -> rows.iterator().next().getLong(0)))
            .await()
            .atMost(Duration.ofSeconds(30));
    // The index expression's statistics exist only if the expression could be evaluated.
    assertEquals(1L, analysed);
  }
}
