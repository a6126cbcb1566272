package org.lernstadt.catalogue.offer.feed.mapping;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.offer.domain.ExternalId;
import org.lernstadt.catalogue.offer.domain.LifePhase;
import org.lernstadt.catalogue.offer.domain.Modality;
import org.lernstadt.catalogue.offer.domain.TargetGroup;
import org.lernstadt.catalogue.offer.domain.Topic;
import org.lernstadt.catalogue.offer.feed.mapping.FeedItem.FeedProvider;
import org.lernstadt.catalogue.offer.rest.OfferPush;
import org.lernstadt.platform.web.FieldErrors;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * Maps one schema.org {@code Course} onto an offer as the partner API takes it, then checks it as
 * the partner API does (text a database can hold, field validation). What cannot be mapped is an
 * error on the Course's own property; see the service README for the mapping table.
 */
@ApplicationScoped
public class CourseMapper {

  private static final String PLAIN_PREFIX = "ld:";

  /** External ids the partner API accepts, less room for the prefix. */
  private static final Pattern PLAIN_ID =
      Pattern.compile(
          ExternalId.CHARACTERS + "{1," + (ExternalId.MAX_LENGTH - PLAIN_PREFIX.length()) + "}");

  @Inject ObjectMapper json;
  @Inject Validator validator;

  /** The zone of dates and times that the feed writes without an offset: the city's. */
  @ConfigProperty(name = "lernstadt.catalogue.feed.time-zone")
  ZoneId zone;

  public FeedItem map(int index, JsonNode course, FeedDocument feed) {
    return new Reading(feed).item(index, course);
  }

  /** The reading of one Course, collecting its errors. */
  private final class Reading {

    private final FeedDocument feed;
    private final List<FieldError> errors = new ArrayList<>();

    Reading(FeedDocument feed) {
      this.feed = feed;
    }

    FeedItem item(int index, JsonNode course) {
      if (!course.isObject() || !FeedDocument.isA(course, "Course")) {
        return new FeedItem(
            index, null, null, null, List.of(new FieldError("@type", "must be Course")));
      }
      String externalId = externalId(course);
      FeedProvider provider = provider(course);
      ObjectNode offer = json.createObjectNode();
      offer.put("title", text(course.get("name"), "name"));
      offer.put("description", text(course.get("description"), "description"));
      offer.set("topics", json.valueToTree(topics(course)));
      audience(course, offer);
      offer.set("languages", json.valueToTree(languages(course.get("inLanguage"))));
      offer.set("cost", cost(course));
      offer.set("accessibility", json.valueToTree(accessibility(course)));
      offer.put("registrationUrl", text(course.get("url"), "url"));
      offer.put(
          "certificate",
          text(course.get("educationalCredentialAwarded"), "educationalCredentialAwarded"));
      offer.put(
          "status",
          String.valueOf(text(course.get("eventStatus"), "eventStatus")).endsWith("EventCancelled")
              ? "CANCELLED"
              : "PUBLISHED");
      sessions(course, offer);
      if (!errors.isEmpty()) {
        return new FeedItem(index, externalId, provider, null, List.copyOf(errors));
      }
      OfferPush push;
      try {
        push = json.treeToValue(offer, OfferPush.class);
      } catch (JsonMappingException e) {
        return new FeedItem(
            index,
            externalId,
            provider,
            null,
            List.of(new FieldError(FeedFields.name(FieldErrors.field(e)), "cannot be read")));
      } catch (Exception e) {
        return new FeedItem(
            index, externalId, provider, null, List.of(new FieldError("$", "cannot be read")));
      }
      var violations = validator.validate(push);
      if (!violations.isEmpty()) {
        return new FeedItem(
            index, externalId, provider, null, FeedFields.of(FieldErrors.of(violations)));
      }
      return new FeedItem(index, externalId, provider, push, List.of());
    }

    /**
     * The first of {@code @id} (unless a blank node, which names nothing beyond its document),
     * {@code identifier} and {@code url}, prefixed so that it cannot meet a partner's own external
     * ids, and hashed when it does not fit the external id's characters or length.
     */
    private String externalId(JsonNode course) {
      String id = text(course.get("@id"), "@id");
      if (id != null && id.startsWith("_:")) {
        id = null;
      }
      if (id == null) {
        JsonNode identifier = feed.resolve(first(course.get("identifier")));
        id =
            identifier != null && identifier.isObject() && identifier.has("value")
                ? text(identifier.get("value"), "identifier")
                : text(identifier, "identifier");
      }
      if (id == null) {
        id = text(course.get("url"), "url");
      }
      if (id == null) {
        error("@id", "is required: an @id, identifier or url recognises the course on re-import");
        return null;
      }
      return PLAIN_ID.matcher(id).matches() ? PLAIN_PREFIX + id : "ld~" + sha256(id);
    }

    private FeedProvider provider(JsonNode course) {
      JsonNode org = feed.resolve(first(course.get("provider")));
      if (org == null) {
        return null;
      }
      if (org.isTextual()) {
        return new FeedProvider(null, text(org, "provider"), List.of());
      }
      List<String> websites = new ArrayList<>();
      String url = text(org.get("url"), "provider.url");
      if (url != null) {
        websites.add(url);
      }
      for (JsonNode same : values(org.get("sameAs"))) {
        String s = text(same, "provider.sameAs");
        if (s != null) {
          websites.add(s);
        }
      }
      return new FeedProvider(
          text(org.get("@id"), "provider.@id"),
          text(org.get("name"), "provider.name"),
          List.copyOf(websites));
    }

    /** Topics from {@code about}, {@code keywords} and {@code teaches}: a word must map. */
    private Set<Topic> topics(JsonNode course) {
      List<String> words = new ArrayList<>();
      for (String property : List.of("about", "keywords", "teaches")) {
        for (JsonNode value : values(course.get(property))) {
          String text = text(value, property);
          if (text != null) {
            words.addAll(
                "keywords".equals(property) ? List.of(text.split("\\s*[,;]\\s*")) : List.of(text));
          }
        }
      }
      Set<Topic> topics = EnumSet.noneOf(Topic.class);
      words.forEach(w -> topics.addAll(Vocabulary.topics(w)));
      if (words.isEmpty()) {
        error("about", "is required: about, keywords or teaches name the topics of the course");
      } else if (topics.isEmpty()) {
        error(
            "about",
            "none of "
                + words.stream()
                    .limit(5)
                    .map(w -> "'" + shorten(w) + "'")
                    .collect(Collectors.joining(", "))
                + " names a topic of the catalogue");
      }
      return topics;
    }

    /**
     * Target groups and life phases from {@code audience} and {@code educationalLevel}; an offer
     * needs a life phase, and one for adults is assumed when nothing names one.
     */
    private void audience(JsonNode course, ObjectNode offer) {
      List<String> words = new ArrayList<>();
      for (JsonNode audience : values(course.get("audience"))) {
        if (audience.isObject()) {
          for (String property : List.of("audienceType", "educationalRole", "name")) {
            values(audience.get(property)).forEach(v -> add(words, text(v, "audience")));
          }
        } else {
          add(words, text(audience, "audience"));
        }
      }
      values(course.get("educationalLevel")).forEach(v -> add(words, text(v, "educationalLevel")));
      Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
      Set<LifePhase> phases = EnumSet.noneOf(LifePhase.class);
      for (String word : words) {
        groups.addAll(Vocabulary.targetGroups(word));
        phases.addAll(Vocabulary.lifePhases(word));
      }
      if (phases.isEmpty()) {
        phases.add(LifePhase.ADULTS);
      }
      offer.set("targetGroups", json.valueToTree(groups));
      offer.set("lifePhases", json.valueToTree(phases));
    }

    /** Language codes (BCP 47, the primary subtag kept); names of languages are not mapped. */
    private Set<String> languages(JsonNode inLanguage) {
      Set<String> codes = new LinkedHashSet<>();
      for (JsonNode value : values(inLanguage)) {
        String code =
            value.isObject()
                ? text(value.has("alternateName") ? value.get("alternateName") : null, "inLanguage")
                : text(value, "inLanguage");
        if (code != null) {
          String primary = code.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
          if (primary.matches("[a-z]{2,3}")) {
            codes.add(primary);
          }
        }
      }
      return codes;
    }

    /** Free when the price is 0 (or the course is accessible for free), else a fee in euros. */
    private ObjectNode cost(JsonNode course) {
      ObjectNode cost = json.createObjectNode();
      JsonNode offer = feed.resolve(first(course.get("offers")));
      JsonNode price = null;
      if (offer != null && offer.isObject()) {
        price =
            offer.has("price") ? offer.get("price") : offer.path("priceSpecification").get("price");
        String currency = text(offer.get("priceCurrency"), "offers.priceCurrency");
        if (currency != null && !"EUR".equalsIgnoreCase(currency)) {
          error("offers.priceCurrency", "must be EUR");
        }
      }
      if (price == null || price.isNull()) {
        // true or "true"
        if (course.path("isAccessibleForFree").asBoolean(false)) {
          return cost.put("kind", "FREE");
        }
        error("offers.price", "is required (0 for a free course), or isAccessibleForFree true");
        return cost;
      }
      BigDecimal euros;
      try {
        euros = new BigDecimal(price.asText().strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        error("offers.price", "must be a number of euros");
        return cost;
      }
      if (euros.signum() == 0) {
        return cost.put("kind", "FREE");
      }
      return cost.put("kind", "FEE")
          .put("feeCents", euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP));
    }

    private Set<AccessibilityFeature> accessibility(JsonNode course) {
      Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
      for (JsonNode value : values(course.get("accessibilityFeature"))) {
        String text = text(value, "accessibilityFeature");
        for (AccessibilityFeature f : AccessibilityFeature.values()) {
          if (f.name().equalsIgnoreCase(text)) {
            features.add(f);
          }
        }
      }
      return features;
    }

    /**
     * One session per {@code CourseInstance}; an offer has one modality, so a course whose dates
     * differ in it is refused rather than guessed.
     */
    private void sessions(JsonNode course, ObjectNode offer) {
      ArrayNode sessions = offer.putArray("sessions");
      Set<Modality> modes = EnumSet.noneOf(Modality.class);
      List<JsonNode> instances = values(course.get("hasCourseInstance"));
      for (int i = 0; i < instances.size(); i++) {
        String at = "hasCourseInstance[" + i + "]";
        JsonNode instance = instances.get(i);
        if (!instance.isObject()) {
          error(at, "must be a CourseInstance");
          continue;
        }
        modes.add(session(instance, at, sessions.addObject()));
      }
      if (modes.size() > 1) {
        error(
            "hasCourseInstance",
            "mixes online and on-site dates: the catalogue keeps one mode per offer (blended"
                + " dates have both a Place and a VirtualLocation)");
      }
      offer.put("modality", modes.size() == 1 ? modes.iterator().next().name() : "ON_SITE");
    }

    private Modality session(JsonNode instance, String at, ObjectNode session) {
      // A Schedule's first and last date stand for its dates; recurrences are not expanded.
      JsonNode fromSchedule = feed.resolve(first(instance.get("courseSchedule")));
      OffsetDateTime start =
          dateTime(
              instance.has("startDate") ? instance : fromSchedule,
              "startDate",
              "startTime",
              at,
              false);
      OffsetDateTime end =
          dateTime(
              instance.has("endDate") ? instance : fromSchedule, "endDate", "endTime", at, true);
      if (end == null && start != null) {
        String duration = text(instance.get("duration"), at + ".duration");
        if (duration != null) {
          try {
            end = start.plus(Duration.parse(duration));
          } catch (DateTimeParseException e) {
            error(at + ".duration", "is not an ISO 8601 duration such as PT2H");
          }
        } else if (dateOnly(instance.has("startDate") ? instance : fromSchedule, "startDate")) {
          end = start.plusDays(1);
        } else if (!hasValue(instance, "endDate") && !hasValue(fromSchedule, "endDate")) {
          error(at + ".endDate", "is required (or a duration)");
        }
      }
      if (start == null
          && !hasValue(instance, "startDate")
          && !hasValue(fromSchedule, "startDate")) {
        error(at + ".startDate", "is required");
      }
      session.put("start", start == null ? null : start.toString());
      session.put("end", end == null ? null : end.toString());

      JsonNode place = null;
      String onlineUrl = null;
      for (JsonNode location : values(instance.get("location"))) {
        if (location.isTextual()) {
          String text = text(location, at + ".location");
          if (text != null && text.matches("https?://\\S+")) {
            onlineUrl = text;
          } else if (place == null) {
            place = location;
          }
        } else if (FeedDocument.isA(location, "VirtualLocation")) {
          onlineUrl = text(location.get("url"), at + ".location.url");
        } else if (place == null) {
          place = location;
        }
      }
      Modality mode = mode(instance, at, place != null, onlineUrl != null);
      if (mode != Modality.ON_SITE && onlineUrl == null) {
        onlineUrl = text(instance.get("url"), at + ".url");
        if (onlineUrl == null) {
          error(at + ".location", "an online date needs a VirtualLocation with a url");
        }
      }
      session.put("onlineUrl", mode == Modality.ON_SITE ? null : onlineUrl);
      if (place != null) {
        session.put("address", address(place, at));
        double[] point = point(place, at);
        if (point != null) {
          session.putObject("location").put("lat", point[0]).put("lon", point[1]);
        }
      }
      if (mode != Modality.ONLINE && !session.has("location")) {
        error(
            at + ".location.geo",
            "an on-site date needs the latitude and longitude of its Place (addresses are not"
                + " geocoded)");
      }
      return mode;
    }

    /** The {@code courseMode} if it names one, else what the locations say. */
    private Modality mode(JsonNode instance, String at, boolean hasPlace, boolean hasOnline) {
      for (JsonNode value : values(instance.get("courseMode"))) {
        String mode = Vocabulary.fold(String.valueOf(text(value, at + ".courseMode")));
        if (mode.matches(".*\\b(blended|hybride?)\\b.*")) {
          return Modality.HYBRID;
        }
        if (mode.matches(".*\\b(online|virtual|distance|remote|fernunterricht)\\b.*")) {
          return Modality.ONLINE;
        }
        if (mode.matches(".*\\b(onsite|on site|in person|prasenz|vor ort|offline)\\b.*")) {
          return Modality.ON_SITE;
        }
      }
      if (hasOnline) {
        return hasPlace ? Modality.HYBRID : Modality.ONLINE;
      }
      return Modality.ON_SITE;
    }

    /** A place's name and address as one line; a PostalAddress by its parts. */
    private String address(JsonNode place, String at) {
      if (place.isTextual()) {
        return text(place, at + ".location");
      }
      JsonNode address = feed.resolve(first(place.get("address")));
      if (address == null && FeedDocument.isA(place, "PostalAddress")) {
        address = place;
      }
      List<String> parts = new ArrayList<>();
      add(
          parts,
          FeedDocument.isA(place, "PostalAddress")
              ? null
              : text(place.get("name"), at + ".location.name"));
      if (address != null && address.isObject()) {
        String field = at + ".location.address";
        add(parts, text(address.get("streetAddress"), field));
        String postalCode = text(address.get("postalCode"), field);
        String locality = text(address.get("addressLocality"), field);
        add(
            parts,
            postalCode == null
                ? locality
                : locality == null ? postalCode : postalCode + " " + locality);
      } else if (address != null) {
        add(parts, text(address, at + ".location.address"));
      }
      return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private double[] point(JsonNode place, String at) {
      if (!place.isObject()) {
        return null;
      }
      JsonNode geo = feed.resolve(first(place.get("geo")));
      JsonNode holder = geo != null && geo.isObject() ? geo : place;
      JsonNode lat = holder.get("latitude");
      JsonNode lon = holder.get("longitude");
      if (lat == null && lon == null) {
        return null;
      }
      try {
        return new double[] {
          Double.parseDouble(lat.asText().strip()), Double.parseDouble(lon.asText().strip())
        };
      } catch (NullPointerException | NumberFormatException e) {
        error(at + ".location.geo", "latitude and longitude must both be numbers");
        return null;
      }
    }

    /**
     * A date-time with offset, one without (the city's time) or a date; an end date without time
     * means the end of that day.
     */
    private OffsetDateTime dateTime(
        JsonNode holder, String dateField, String timeField, String at, boolean end) {
      if (holder == null) {
        return null;
      }
      String field = at + "." + dateField;
      String value = text(holder.get(dateField), field);
      if (value == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value);
      } catch (DateTimeParseException notWithOffset) {
        try {
          return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException notLocal) {
          try {
            LocalDate date = LocalDate.parse(value);
            String time = text(holder.get(timeField), at + "." + timeField);
            if (time != null) {
              return date.atTime(LocalTime.parse(time)).atZone(zone).toOffsetDateTime();
            }
            return (end ? date.plusDays(1) : date).atStartOfDay(zone).toOffsetDateTime();
          } catch (DateTimeParseException notADate) {
            error(field, "is not an ISO 8601 date or date-time");
            return null;
          }
        }
      }
    }

    private boolean dateOnly(JsonNode holder, String field) {
      return holder != null && holder.path(field).asText().matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private boolean hasValue(JsonNode holder, String field) {
      return holder != null && holder.hasNonNull(field);
    }

    /**
     * The text of a value: a string or number, a {@code @value}, or a thing's {@code name}; the
     * first of an array. Text no database column can hold is refused, as in the partner API.
     */
    private String text(JsonNode node, String field) {
      JsonNode value = first(node);
      if (value != null && value.isObject()) {
        value = value.has("@value") ? value.get("@value") : value.get("name");
        value = first(value);
      }
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
        error(field, "must be text");
        return null;
      }
      try {
        json.treeToValue(value, String.class);
      } catch (Exception e) {
        error(field, "text with a NUL character or an unpaired surrogate cannot be stored");
        return null;
      }
      String text = value.asText().strip();
      return text.isEmpty() ? null : text;
    }

    private JsonNode first(JsonNode node) {
      List<JsonNode> all = values(node);
      return all.isEmpty() ? null : all.get(0);
    }

    /** A property's values: JSON-LD writes one value or an array of them; references resolved. */
    private List<JsonNode> values(JsonNode node) {
      if (node == null || node.isNull()) {
        return List.of();
      }
      List<JsonNode> values = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(v -> values.add(feed.resolve(v)));
      } else {
        values.add(feed.resolve(node));
      }
      return values;
    }

    private void error(String field, String message) {
      if (errors.stream().noneMatch(e -> e.field().equals(field))) {
        errors.add(new FieldError(field, message));
      }
    }
  }

  private static void add(List<String> list, String value) {
    if (value != null) {
      list.add(value);
    }
  }

  private static String shorten(String word) {
    return word.length() <= 40 ? word : word.substring(0, 40) + "…";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
