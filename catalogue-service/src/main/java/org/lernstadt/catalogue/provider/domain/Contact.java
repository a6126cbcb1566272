package org.lernstadt.catalogue.provider.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How to reach an institution. Contact data never leaves the service in an event; it is shown on
 * the provider itself only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(
    @Email @Size(max = 254) String email,
    @Size(max = 40) @Pattern(
            regexp = "[0-9+()/. -]*",
            message = "may contain only digits, spaces and + ( ) / . -")
        String phone) {

  @JsonIgnore
  public boolean isEmpty() {
    return email == null && phone == null;
  }
}
