package org.lernstadt.counseling.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.centre.Membership;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;

/**
 * The audit for those who review it: the DPO sees all of it, a counselling lead the records of the
 * centres they lead (each case's access log). Newest first.
 */
@ApplicationScoped
public class AuditQuery {

  private static final String COLUMNS =
      "id, at, actor, role, case_id, person_id, centre_id, action, purpose, outcome, detail";

  @Inject Pool pool;
  @Inject Membership membership;

  public Uni<Page<AuditView>> page(
      UUID caseId, String actor, UUID personId, PageRequest page, Caller caller) {
    return membership
        .of(pool, caller.subject())
        .chain(
            mine -> {
              List<Object> params = new ArrayList<>();
              StringBuilder where = new StringBuilder(" where true");
              if (!caller.has(Caller.DPO)) {
                List<UUID> led = mine.all().stream().filter(mine::leads).toList();
                params.add(led.toArray(UUID[]::new));
                where.append(" and centre_id = any($").append(params.size()).append(")");
              }
              add(params, where, "case_id", caseId);
              add(params, where, "actor", actor);
              add(params, where, "person_id", personId);
              if (page.after() != null) {
                params.add(Long.parseLong(page.after().key(0)));
                where.append(" and id < $").append(params.size());
              }
              params.add(page.fetchSize());
              return query(
                  pool,
                  "select "
                      + COLUMNS
                      + " from audit_entry"
                      + where
                      + " order by id desc limit $"
                      + params.size(),
                  params);
            })
        .map(rows -> Page.of(rows, page, a -> Cursor.of(Long.toString(a.id()))));
  }

  /** Every record of the given cases, oldest first (for an export). */
  public Uni<List<AuditView>> ofCases(SqlClient sql, List<UUID> caseIds) {
    return query(
        sql,
        "select " + COLUMNS + " from audit_entry where case_id = any($1) order by id",
        List.of((Object) caseIds.toArray(UUID[]::new)));
  }

  private static void add(List<Object> params, StringBuilder where, String column, Object value) {
    if (value != null) {
      params.add(value);
      where.append(" and ").append(column).append(" = $").append(params.size());
    }
  }

  private static Uni<List<AuditView>> query(SqlClient sql, String query, List<Object> params) {
    return sql.preparedQuery(query).execute(Tuple.tuple(params)).map(Sql.all(AuditQuery::toView));
  }

  static AuditView toView(Row r) {
    return new AuditView(
        r.getLong("id"),
        r.getOffsetDateTime("at").withOffsetSameInstant(ZoneOffset.UTC),
        r.getString("actor"),
        r.getString("role"),
        r.getUUID("case_id"),
        r.getUUID("person_id"),
        r.getUUID("centre_id"),
        r.getString("action"),
        r.getString("purpose"),
        r.getString("outcome"),
        r.getString("detail"));
  }
}
