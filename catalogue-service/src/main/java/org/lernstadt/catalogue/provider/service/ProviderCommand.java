package org.lernstadt.catalogue.provider.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.Contact;
import org.lernstadt.catalogue.provider.domain.Location;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/**
 * A provider as registered ({@code POST /v1/providers}) or replaced ({@code PUT
 * /v1/providers/{id}}). Text is stored as the plain text it is; nothing is stripped or rendered.
 *
 * @param key the slug that partner tokens name in their {@code provider_id} claim; required on
 *     registration, on replacement omitted means unchanged (a partner may not change it)
 * @param partnerClient the Keycloak client allowed to act for the provider; on replacement omitted
 *     means unchanged and an empty string removes it (editors only)
 */
public record ProviderCommand(
    @Pattern(regexp = ProviderCommand.KEY, message = "must be 2 to 60 of a-z 0-9 -") String key,
    @NotBlank @Size(max = 200) String name,
    @NotNull ProviderKind kind,
    @Valid Address address,
    @Valid Location location,
    @Valid Contact contact,
    @Size(max = 500) @Pattern(
            regexp = ProviderCommand.WEB_URL,
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "must be an http or https URL")
        String website,
    @Size(max = 8) List<@NotNull AccessibilityFeature> accessibility,
    @Pattern(regexp = "[A-Za-z0-9._-]{0,100}", message = "must be a Keycloak client id") String partnerClient) {

  public static final String KEY = "[a-z0-9-]{2,60}";

  /** An absolute http(s) URL with a host and nothing that could break out of an attribute. */
  public static final String WEB_URL = "https?://[^\\s/?#<>\"'`]+([/?#][^\\s<>\"'`]*)?";
}
