package org.lernstadt.catalogue.provider.service;

import java.util.Set;

/**
 * Who makes a request, as far as the rules of this context care.
 *
 * @param roles the caller's realm roles
 * @param providerKey the {@code provider_id} claim of a partner token, or {@code null}
 * @param clientId the client the token was issued to ({@code azp}), or {@code null}
 */
public record Actor(Set<String> roles, String providerKey, String clientId) {

  public Actor {
    roles = Set.copyOf(roles);
  }

  /** City staff: an editor or an admin may maintain every provider. */
  public boolean isEditor() {
    return roles.contains("editor") || roles.contains("admin");
  }

  /** A partner institution's machine client, acting for its own provider only. */
  public boolean isPartner() {
    return !isEditor() && roles.contains("partner");
  }
}
