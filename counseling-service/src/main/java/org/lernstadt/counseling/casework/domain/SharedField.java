package org.lernstadt.counseling.casework.domain;

/** A person field a referral consent lets the receiving institution see. */
public enum SharedField {
  NAME,
  BIRTH_DATE,
  CONTACT
}
