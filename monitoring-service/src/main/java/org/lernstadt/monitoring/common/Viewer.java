package org.lernstadt.monitoring.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who reads public output: analysts and admins see unsuppressed values, everyone else (anonymous
 * included) the suppressed ones. Authentication is lazy here, so a token is checked only where it
 * makes a difference.
 */
@ApplicationScoped
public class Viewer {

  @Inject CurrentIdentityAssociation identity;

  public Uni<Boolean> seesUnsuppressed() {
    return identity
        .getDeferredIdentity()
        .map(id -> !id.isAnonymous() && (id.hasRole("analyst") || id.hasRole("admin")));
  }
}
