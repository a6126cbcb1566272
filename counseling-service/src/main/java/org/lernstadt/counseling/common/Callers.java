package org.lernstadt.counseling.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request. Authentication is not proactive, so an endpoint open to
 * anonymous callers resolves the token (if one was sent) only here, without blocking.
 */
@RequestScoped
public class Callers {

  @Inject CurrentIdentityAssociation identities;

  public Uni<Caller> current() {
    return identities.getDeferredIdentity().map(Callers::of);
  }

  static Caller of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return Caller.anonymous();
    }
    String subject =
        identity.getPrincipal() instanceof JsonWebToken jwt
            ? jwt.getSubject()
            : identity.getPrincipal().getName();
    return new Caller(subject, Set.copyOf(identity.getRoles()));
  }
}
