package org.lernstadt.counseling.feedback;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.counseling.common.Tokens;

/**
 * One-time links for feedback after a session. The invitation knows only the centre, so the answers
 * cannot be traced to a case or a person.
 */
@ApplicationScoped
public class FeedbackInvitations {

  @ConfigProperty(name = "lernstadt.counseling.feedback.valid-for", defaultValue = "P30D")
  Duration validFor;

  /** A new invitation for the centre; the token is returned once and stored only hashed. */
  public Uni<String> invite(SqlClient sql, UUID centreId) {
    String token = Tokens.newCode();
    return sql.preparedQuery(
            "insert into feedback_invitation (token_hash, centre_id, expires_at)"
                + " values ($1, $2, $3)")
        .execute(
            Tuple.of(
                Sql.bytes(Tokens.sha256(token)), centreId, OffsetDateTime.now().plus(validFor)))
        .replaceWith(token);
  }
}
