package org.lernstadt.catalogue.provider.service;

import org.lernstadt.catalogue.provider.repository.ProviderEntity;

/**
 * Who may maintain a provider and its places: editors and admins every provider, a partner only its
 * own: the provider whose key its token names in {@code provider_id}, and, when the provider names
 * a partner client, only a token of that client.
 */
final class Ownership {

  private Ownership() {}

  static boolean mayMaintain(Actor actor, ProviderEntity provider) {
    if (actor.isEditor()) {
      return true;
    }
    return actor.isPartner()
        && actor.providerKey() != null
        && actor.providerKey().equals(provider.providerKey)
        && (provider.partnerClient == null || provider.partnerClient.equals(actor.clientId()));
  }

  static void require(Actor actor, ProviderEntity provider) {
    if (!mayMaintain(actor, provider)) {
      throw Failures.forbidden("A partner may maintain only its own provider.");
    }
  }
}
