package org.lernstadt.catalogue.offer.feed.mapping;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lernstadt.catalogue.offer.domain.LifePhase;
import org.lernstadt.catalogue.offer.domain.TargetGroup;
import org.lernstadt.catalogue.offer.domain.Topic;

/**
 * The words of other portals (German and English) that map onto the catalogue's controlled lists. A
 * term matches a whole keyword or one of its words, after folding case, umlauts and ß; the
 * catalogue's own codes (e.g. {@code DIGITAL_SKILLS}) match too, so its JSON-LD reads back.
 */
public final class Vocabulary {

  private static final Map<String, Topic> TOPICS = new HashMap<>();
  private static final Map<String, TargetGroup> TARGET_GROUPS = new HashMap<>();
  private static final Map<String, LifePhase> LIFE_PHASES = new HashMap<>();

  static {
    topic(
        Topic.SUSTAINABLE_DEVELOPMENT,
        "nachhaltigkeit",
        "nachhaltige entwicklung",
        "bne",
        "bildung fur nachhaltige entwicklung",
        "klima",
        "klimaschutz",
        "umwelt",
        "umweltbildung",
        "okologie",
        "sustainability",
        "sustainable development",
        "climate",
        "environment",
        "ecology");
    topic(
        Topic.DIGITAL_SKILLS,
        "digital",
        "digitales",
        "digitale kompetenzen",
        "digitalisierung",
        "computer",
        "computerkurs",
        "internet",
        "edv",
        "programmieren",
        "smartphone",
        "medienkompetenz",
        "software",
        "digital skills",
        "programming",
        "coding",
        "media literacy");
    topic(
        Topic.LANGUAGES,
        "sprache",
        "sprachen",
        "sprachkurs",
        "fremdsprache",
        "fremdsprachen",
        "deutschkurs",
        "deutsch als fremdsprache",
        "deutsch als zweitsprache",
        "englisch",
        "franzosisch",
        "spanisch",
        "italienisch",
        "arabisch",
        "turkisch",
        "russisch",
        "language",
        "languages",
        "language course",
        "english",
        "german",
        "french",
        "spanish");
    topic(
        Topic.CULTURE,
        "kultur",
        "kulturelle bildung",
        "kunst",
        "musik",
        "theater",
        "tanz",
        "literatur",
        "malen",
        "fotografie",
        "geschichte",
        "culture",
        "art",
        "arts",
        "music",
        "dance",
        "literature",
        "photography",
        "history");
    topic(
        Topic.HEALTH,
        "gesundheit",
        "sport",
        "bewegung",
        "ernahrung",
        "yoga",
        "entspannung",
        "erste hilfe",
        "pravention",
        "health",
        "fitness",
        "nutrition",
        "first aid",
        "wellbeing");
    topic(
        Topic.VOCATIONAL,
        "beruf",
        "berufliche bildung",
        "berufliche weiterbildung",
        "weiterbildung",
        "ausbildung",
        "karriere",
        "bewerbung",
        "berufsorientierung",
        "wirtschaft",
        "vocational",
        "vocational training",
        "career",
        "job application",
        "business");
    topic(
        Topic.PARENTING,
        "eltern",
        "elternbildung",
        "erziehung",
        "familienbildung",
        "elternkurs",
        "parenting",
        "parents",
        "family education");
    topic(
        Topic.CIVIC,
        "politik",
        "politische bildung",
        "gesellschaft",
        "demokratie",
        "ehrenamt",
        "burgerbeteiligung",
        "civic",
        "civic education",
        "politics",
        "citizenship",
        "democracy",
        "volunteering");
    topic(
        Topic.SCIENCE,
        "naturwissenschaft",
        "naturwissenschaften",
        "wissenschaft",
        "mathematik",
        "physik",
        "chemie",
        "biologie",
        "technik",
        "mint",
        "astronomie",
        "science",
        "mathematics",
        "math",
        "physics",
        "chemistry",
        "biology",
        "stem");
    topic(
        Topic.BASIC_SKILLS,
        "grundbildung",
        "alphabetisierung",
        "lesen und schreiben",
        "rechnen",
        "basic skills",
        "literacy",
        "numeracy");

    audience(TargetGroup.CHILDREN, LifePhase.SCHOOL_AGE, "kinder", "children", "kids");
    audience(TargetGroup.YOUTH, LifePhase.SCHOOL_AGE, "jugendliche", "youth", "teenager");
    audience(TargetGroup.ADULTS, LifePhase.ADULTS, "erwachsene", "adults", "adult");
    audience(TargetGroup.PARENTS, LifePhase.PARENTS, "eltern", "parents", "grosseltern");
    audience(TargetGroup.FAMILIES, LifePhase.PARENTS, "familien", "familie", "families");
    audience(
        TargetGroup.SENIORS,
        LifePhase.SENIORS,
        "senioren",
        "seniorinnen",
        "altere",
        "seniors",
        "older adults");
    audience(
        TargetGroup.JOB_SEEKERS,
        LifePhase.ADULTS,
        "arbeitsuchende",
        "arbeitslose",
        "job seekers",
        "jobseekers",
        "unemployed");
    audience(
        TargetGroup.NEWCOMERS,
        LifePhase.ADULTS,
        "zugewanderte",
        "neuzugewanderte",
        "gefluchtete",
        "migranten",
        "newcomers",
        "migrants",
        "refugees");
    audience(
        TargetGroup.EDUCATORS,
        LifePhase.ADULTS,
        "lehrkrafte",
        "lehrer",
        "erzieher",
        "padagogen",
        "teachers",
        "educators");
    audience(TargetGroup.EVERYONE, null, "alle", "everyone", "general public", "offentlichkeit");
    lifePhase(
        LifePhase.EARLY_CHILDHOOD,
        "kleinkinder",
        "kita",
        "fruhkindliche bildung",
        "vorschule",
        "early childhood",
        "preschool",
        "toddlers");
    lifePhase(LifePhase.SCHOOL_AGE, "schuler", "schulerinnen", "schule", "pupils", "school");
    lifePhase(
        LifePhase.SCHOOL_TO_WORK,
        "ubergang schule beruf",
        "schulabganger",
        "auszubildende",
        "school leavers",
        "school to work",
        "apprentices");
    for (Topic t : Topic.values()) {
      TOPICS.put(fold(t.name()), t);
    }
    for (TargetGroup g : TargetGroup.values()) {
      TARGET_GROUPS.put(fold(g.name()), g);
    }
    for (LifePhase p : LifePhase.values()) {
      LIFE_PHASES.put(fold(p.name()), p);
    }
  }

  private Vocabulary() {}

  /** The topics a keyword names; empty when none of its words is in the table. */
  public static Set<Topic> topics(String keyword) {
    return match(keyword, TOPICS, Topic.class);
  }

  public static Set<TargetGroup> targetGroups(String keyword) {
    return match(keyword, TARGET_GROUPS, TargetGroup.class);
  }

  public static Set<LifePhase> lifePhases(String keyword) {
    return match(keyword, LIFE_PHASES, LifePhase.class);
  }

  private static <E extends Enum<E>> Set<E> match(
      String keyword, Map<String, E> table, Class<E> type) {
    Set<E> found = EnumSet.noneOf(type);
    String folded = fold(keyword);
    E whole = table.get(folded);
    if (whole != null) {
      found.add(whole);
      return found;
    }
    for (String word : folded.split(" ")) {
      E one = table.get(word);
      if (one != null) {
        found.add(one);
      }
    }
    return found;
  }

  /** Lower case without accents, ß as ss, any run of other characters as one space. */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
    String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.replaceAll("[^a-z0-9]+", " ").strip();
  }

  private static void topic(Topic topic, String... terms) {
    List.of(terms).forEach(t -> TOPICS.put(fold(t), topic));
  }

  private static void audience(TargetGroup group, LifePhase phase, String... terms) {
    for (String t : terms) {
      TARGET_GROUPS.put(fold(t), group);
      if (phase != null) {
        LIFE_PHASES.put(fold(t), phase);
      }
    }
  }

  private static void lifePhase(LifePhase phase, String... terms) {
    List.of(terms).forEach(t -> LIFE_PHASES.put(fold(t), phase));
  }
}
