package org.lernstadt.catalogue.provider.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;

/**
 * Body of {@code org.lernstadt.catalogue.partnership.ended.v1}.
 *
 * @param providers the two partners
 * @param districtCodes the distinct districts of the partners, sorted
 */
public record PartnershipEnded(
    UUID partnershipId,
    PartnershipKind kind,
    LocalDate since,
    LocalDate endedOn,
    List<Partner> providers,
    List<String> districtCodes) {}
