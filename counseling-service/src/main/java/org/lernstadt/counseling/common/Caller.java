package org.lernstadt.counseling.common;

import java.util.Set;

/**
 * Who makes a request: the token's subject and realm roles; an anonymous caller has no subject.
 *
 * @param subject the Keycloak subject id ({@code sub}), or null when anonymous
 */
public record Caller(String subject, Set<String> roles) {

  public static final String COUNSELOR = "counselor";
  public static final String LEAD = "counseling-lead";
  public static final String DPO = "dpo";
  public static final String CITIZEN = "citizen";

  public static Caller anonymous() {
    return new Caller(null, Set.of());
  }

  public boolean isAnonymous() {
    return subject == null;
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** The role an audit record names: the strongest of the caller's counselling roles. */
  public String auditRole() {
    for (String role : new String[] {DPO, LEAD, COUNSELOR, CITIZEN}) {
      if (has(role)) {
        return role;
      }
    }
    return roles.isEmpty() ? "anonymous" : roles.iterator().next();
  }
}
