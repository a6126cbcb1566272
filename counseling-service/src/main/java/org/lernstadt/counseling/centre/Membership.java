package org.lernstadt.counseling.centre;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which centres a counsellor belongs to, and which of them they lead. */
@ApplicationScoped
public class Membership {

  /** The caller's centres of one request. */
  public record Centres(Map<UUID, Boolean> leadByCentre) {

    public boolean memberOf(UUID centre) {
      return leadByCentre.containsKey(centre);
    }

    public boolean leads(UUID centre) {
      return Boolean.TRUE.equals(leadByCentre.get(centre));
    }

    public Set<UUID> all() {
      return leadByCentre.keySet();
    }
  }

  public Uni<Centres> of(SqlClient sql, String subject) {
    if (subject == null) {
      return Uni.createFrom().item(new Centres(Map.of()));
    }
    return sql.preparedQuery("select centre_id, lead from centre_member where subject = $1")
        .execute(Tuple.of(subject))
        .map(
            rows -> {
              Map<UUID, Boolean> centres = new HashMap<>();
              rows.forEach(r -> centres.put(r.getUUID("centre_id"), r.getBoolean("lead")));
              return new Centres(Map.copyOf(centres));
            });
  }
}
