package org.lernstadt.catalogue.offer.feed.mapping;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * Names the fields of an offer (as the partner API checks them) by the schema.org properties of the
 * Course they were read from, so that a rejected item points into the feed.
 */
public final class FeedFields {

  private static final Pattern SESSION = Pattern.compile("sessions\\[(\\d+)]\\.?(.*)");

  private FeedFields() {}

  public static List<FieldError> of(List<FieldError> errors) {
    return errors.stream().map(e -> new FieldError(name(e.field()), e.message())).toList();
  }

  static String name(String field) {
    Matcher session = SESSION.matcher(field);
    if (session.matches()) {
      String instance = "hasCourseInstance[" + session.group(1) + "]";
      String rest = session.group(2);
      return switch (rest.replaceFirst("[.\\[].*", "")) {
        case "start" -> instance + ".startDate";
        case "end" -> instance + ".endDate";
        case "location" -> instance + ".location.geo";
        case "address" -> instance + ".location.address";
        case "onlineUrl" -> instance + ".location.url";
        default -> instance;
      };
    }
    String head = field.replaceFirst("[.\\[].*", "");
    return switch (head) {
      case "title" -> "name";
      case "topics" -> "about";
      case "targetGroups", "lifePhases" -> "audience";
      case "languages" -> "inLanguage";
      case "modality" -> "hasCourseInstance.courseMode";
      case "cost" -> field.startsWith("cost.feeCents") ? "offers.price" : "offers";
      case "accessibility" -> "accessibilityFeature";
      case "registrationUrl" -> "url";
      case "certificate" -> "educationalCredentialAwarded";
      case "status" -> "eventStatus";
      case "sessions" -> "hasCourseInstance";
      case "externalId" -> "@id";
      default -> field;
    };
  }
}
