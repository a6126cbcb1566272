package org.lernstadt.catalogue.provider.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lernstadt.catalogue.provider.service.Actor;

/** The caller of the current request, from its verified Keycloak token. */
@RequestScoped
public class Callers {

  @Inject SecurityIdentity identity;
  @Inject JsonWebToken token;

  public Actor current() {
    return new Actor(identity.getRoles(), claim("provider_id"), claim("azp"));
  }

  private String claim(String name) {
    Object value = token == null ? null : token.getClaim(name);
    if (value == null) {
      return null;
    }
    if (value instanceof jakarta.json.JsonString json) {
      return json.getString();
    }
    return value.toString();
  }
}
