package org.lernstadt.platform.testing.attack;

import org.lernstadt.platform.testing.Tokens;

/**
 * The callers of the authorization matrix: every role of the realm once, the counselling role in
 * two centres and the partner role for two institutions, so object-level rules show up as cells.
 */
public enum Role {
  ANONYMOUS("anonymous", null, null),
  CITIZEN("citizen", "citizen1", null),
  PARTNER_A("partner-a", null, "partner-vhs"),
  PARTNER_B("partner-b", null, "partner-library"),
  EDITOR("editor", "editor1", null),
  COUNSELOR_1("counselor1", "counselor1", null),
  COUNSELOR_2("counselor2", "counselor2", null),
  LEAD("lead", "lead1", null),
  MODERATOR("moderator", "moderator1", null),
  ANALYST("analyst", "analyst1", null),
  DPO("dpo", "dpo1", null),
  ADMIN("admin", "admin1", null);

  private final String column;
  private final String user;
  private final String partnerClient;

  Role(String column, String user, String partnerClient) {
    this.column = column;
    this.user = user;
    this.partnerClient = partnerClient;
  }

  /** The column heading in the matrix tables. */
  public String column() {
    return column;
  }

  /** A real token of the realm for this caller, or null for the anonymous caller. */
  public String token() {
    if (user != null) {
      return Tokens.forUser(user);
    }
    return partnerClient == null ? null : Tokens.forPartner(partnerClient);
  }

  public static Role ofColumn(String column) {
    for (Role role : values()) {
      if (role.column.equals(column)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role column '" + column + "'");
  }
}
