package org.lernstadt.counseling.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A booking of a slot. An anonymous caller gives a contact (e-mail or phone) and gets a
 * cancellation code; a logged-in citizen may leave the contact out.
 */
public record BookingCommand(@NotNull UUID slotId, @Valid Contact contact) {

  public record Contact(
      @Size(max = 200) String name,
      @Email @Size(max = 254) String email,
      @Pattern(regexp = "\\+?[0-9 ()/-]{5,30}") String phone) {

    /** The value that identifies the person for the booking limit, or null if none. */
    String identifying() {
      if (email != null && !email.isBlank()) {
        return "email:" + email.trim().toLowerCase(java.util.Locale.ROOT);
      }
      if (phone != null && !phone.isBlank()) {
        return "phone:" + phone.replaceAll("[^0-9+]", "");
      }
      return null;
    }
  }
}
