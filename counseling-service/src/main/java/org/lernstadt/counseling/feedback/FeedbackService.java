package org.lernstadt.counseling.feedback;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.counseling.centre.Membership;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.counseling.common.Tokens;
import org.lernstadt.platform.web.ProblemException;

/** Anonymous feedback through one-time links, and the quality view of a centre. */
@ApplicationScoped
public class FeedbackService {

  /** Averages need at least this many answers. */
  static final int MINIMUM_GROUP = 3;

  @Inject Pool pool;
  @Inject Membership membership;

  /** Uses the link once: a used, expired or unknown token is not found. */
  public Uni<Void> submit(String token, FeedbackCommand answers) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "update feedback_invitation set used_at = now() where token_hash = $1"
                        + " and used_at is null and expires_at > now() returning centre_id")
                .execute(Tuple.of(Sql.bytes(Tokens.sha256(token))))
                .map(Sql.first(r -> r.getUUID("centre_id")))
                .map(
                    centre ->
                        centre.orElseThrow(
                            () -> ProblemException.notFound("A valid feedback link")))
                .chain(
                    centre ->
                        conn.preparedQuery(
                                "insert into feedback (id, centre_id, satisfaction, helpfulness,"
                                    + " would_recommend) values ($1, $2, $3, $4, $5)")
                            .execute(
                                Tuple.of(
                                    UUID.randomUUID(),
                                    centre,
                                    answers.satisfaction(),
                                    answers.helpfulness(),
                                    answers.wouldRecommend())))
                .replaceWithVoid());
  }

  /** The quality view of a centre the caller leads. */
  public Uni<QualityView> quality(UUID centreId, Caller caller) {
    return membership
        .of(pool, caller.subject())
        .chain(
            mine -> {
              if (!mine.leads(centreId)) {
                throw new ProblemException(
                    403, "Forbidden", "You are not a counselling lead of centre " + centreId);
              }
              return Uni.combine()
                  .all()
                  .unis(
                      feedback(pool, centreId),
                      counts(
                          "select r.status as k, count(*) as n from referral r"
                              + " join counselling_case c on c.id = r.case_id"
                              + " where c.centre_id = $1 group by r.status",
                          centreId),
                      counts(
                          "select 'unavailable' as k, count(*) as n from referral r"
                              + " join counselling_case c on c.id = r.case_id"
                              + " where c.centre_id = $1 and r.offer_unavailable is not null",
                          centreId),
                      counts(
                          "select status as k, count(*) as n from counselling_case"
                              + " where centre_id = $1 group by status",
                          centreId),
                      counts(
                          "select outcome as k, count(*) as n from counselling_case"
                              + " where centre_id = $1 and outcome is not null group by outcome",
                          centreId),
                      waiting(pool, centreId))
                  .with(
                      (feedback, referrals, unavailable, cases, outcomes, waiting) ->
                          new QualityView(
                              centreId,
                              feedback,
                              referrals,
                              unavailable.getOrDefault("unavailable", 0L),
                              cases,
                              outcomes,
                              waiting));
            });
  }

  private static Uni<QualityView.Feedback> feedback(SqlClient sql, UUID centreId) {
    return sql.preparedQuery(
            "select count(*) as n, avg(satisfaction)::float8 as s, avg(helpfulness)::float8 as h,"
                + " avg(case when would_recommend then 1.0 else 0.0 end)::float8 as r"
                + " from feedback where centre_id = $1")
        .execute(Tuple.of(centreId))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              long n = r.getLong("n");
              boolean shown = n >= MINIMUM_GROUP;
              return new QualityView.Feedback(
                  n,
                  MINIMUM_GROUP,
                  shown ? round(r.getDouble("s")) : null,
                  shown ? round(r.getDouble("h")) : null,
                  shown ? round(r.getDouble("r")) : null);
            });
  }

  private static Uni<QualityView.Waiting> waiting(SqlClient sql, UUID centreId) {
    return sql.preparedQuery(
            "select count(*) as n,"
                + " percentile_cont(0.5) within group (order by w) as median,"
                + " percentile_cont(0.9) within group (order by w) as p90"
                + " from (select extract(epoch from lower(period) - booked_at) / 3600.0 as w"
                + " from booking where centre_id = $1) b")
        .execute(Tuple.of(centreId))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new QualityView.Waiting(
                  r.getLong("n"), round(r.getDouble("median")), round(r.getDouble("p90")));
            });
  }

  private Uni<Map<String, Long>> counts(String query, UUID centreId) {
    return pool.preparedQuery(query)
        .execute(Tuple.of(centreId))
        .map(
            rows -> {
              Map<String, Long> counts = new LinkedHashMap<>();
              rows.forEach(r -> counts.put(r.getString("k"), r.getLong("n")));
              return counts;
            });
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 100) / 100.0;
  }
}
