package org.lernstadt.gateway.limits;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The front door for the gateway's own endpoints (the routed ones pass it in ProxyRoutes). */
public class FrontDoorFilter {

  private final FrontDoor frontDoor;
  private final CurrentIdentityAssociation identity;

  FrontDoorFilter(FrontDoor frontDoor, CurrentIdentityAssociation identity) {
    this.frontDoor = frontDoor;
    this.identity = identity;
  }

  @ServerRequestFilter
  public Uni<Response> admit(HttpServerRequest request) {
    return frontDoor
        .admit(request, identity.getDeferredIdentity())
        .map(
            rejection -> {
              if (rejection == null) {
                return null;
              }
              Response.ResponseBuilder answer =
                  Response.fromResponse(
                      rejection.problem().withInstance(request.path()).toResponse());
              rejection.headers().forEach(answer::header);
              return answer.build();
            });
  }
}
