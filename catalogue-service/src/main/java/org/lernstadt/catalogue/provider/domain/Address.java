package org.lernstadt.catalogue.provider.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

/** A postal address; every part is optional plain text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(
    @Size(max = 200) String street,
    @Size(max = 20) String postalCode,
    @Size(max = 100) String city) {

  @JsonIgnore
  public boolean isEmpty() {
    return street == null && postalCode == null && city == null;
  }
}
