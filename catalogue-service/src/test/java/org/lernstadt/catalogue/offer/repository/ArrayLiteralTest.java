package org.lernstadt.catalogue.offer.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** A chunk's lists travel as array literals: PostgreSQL must read back exactly what was sent. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ArrayLiteralTest {

  @Inject Pool pool;

  @Test
  void everyTextComesBackAsOneElement() {
    String[] values = {
      "de", "", "NULL", "with \"quotes\"", "back\\slash", "comma, {braces}", " spaced ", "ß – ü"
    };
    assertArrayEquals(values, readBack(values));
  }

  @Test
  void anEmptyListIsAnEmptyArray() {
    assertArrayEquals(new String[0], readBack(new String[0]));
  }

  /** The values sent as one array literal, as PostgreSQL reads them. */
  private String[] readBack(String[] values) {
    return pool.preparedQuery("select $1::text::text[]")
        .execute(Tuple.of(OfferRepository.arrayLiteral(values)))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getArrayOfStrings(0);
  }
}
