package org.lernstadt.gateway.aggregation;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.lernstadt.gateway.routing.DownstreamTimeoutException;

/**
 * The parts of one aggregated answer, gathered under one deadline: a part that fails or is not
 * there in time becomes an entry in {@link #missing()} instead of failing the whole answer.
 */
final class Gathering {

  private final long deadline;
  private final List<Missing> missing = new ArrayList<>();

  Gathering(Duration budget) {
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  <T> Uni<Optional<T>> part(String part, String service, Uni<T> call) {
    Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    return call.map(Optional::ofNullable)
        .ifNoItem()
        .after(left)
        .recoverWithUni(() -> Uni.createFrom().item(lost(part, service, "timeout")))
        .onFailure()
        .recoverWithItem(failure -> lost(part, service, reason(failure)));
  }

  private synchronized <T> Optional<T> lost(String part, String service, String reason) {
    missing.add(new Missing(part, service, reason));
    return Optional.empty();
  }

  synchronized List<Missing> missing() {
    return missing.stream().sorted(Comparator.comparing(Missing::part)).toList();
  }

  private static String reason(Throwable failure) {
    if (failure instanceof DownstreamTimeoutException) {
      return "timeout";
    }
    if (failure instanceof CircuitBreakerOpenException) {
      return "circuit-open";
    }
    if (failure instanceof BulkheadException) {
      return "busy";
    }
    if (failure instanceof ServiceCalls.RefusedException refused) {
      return "refused " + refused.status();
    }
    return "unavailable";
  }
}
