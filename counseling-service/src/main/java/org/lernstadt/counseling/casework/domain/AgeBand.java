package org.lernstadt.counseling.casework.domain;

import java.time.LocalDate;
import java.time.Period;

/** The age bands of the event contract; the only trace of a birth date outside ciphertext. */
public final class AgeBand {

  private AgeBand() {}

  public static String of(LocalDate birthDate, LocalDate on) {
    if (birthDate == null) {
      return null;
    }
    int age = Period.between(birthDate, on).getYears();
    if (age <= 5) {
      return "0-5";
    } else if (age <= 9) {
      return "6-9";
    } else if (age <= 15) {
      return "10-15";
    } else if (age <= 24) {
      return "16-24";
    } else if (age <= 44) {
      return "25-44";
    } else if (age <= 64) {
      return "45-64";
    }
    return "65+";
  }
}
