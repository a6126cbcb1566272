package org.lernstadt.local;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.lernstadt.democity.DemoCity;

/**
 * The demo city's citizen participation, loaded as its editors, moderators and citizens would: a
 * closed dialogue modelled on Dresden's "Wo lernst du in Dresden?" with its real size (76
 * contributions, 6 comments, 195 ratings) and published results with the city's answers, an open
 * dialogue taking contributions, and events (a kick-off with 140 places, a roundtable that took
 * place, a workshop). The realm's citizens citizen1 to citizen30 take part; the plan is fixed by a
 * seed, so every fresh start shows the same dialogues.
 */
public final class ParticipationDemoData implements DemoDataLoader {

  static final int CITIZENS = 30;
  static final long SEED = 2023;
  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  /** A contribution: its author (a citizen's number), text, category and place, if any. */
  record Contribution(
      int author, String text, String category, String district, Double lat, Double lon) {}

  /** A comment on contribution {@code on}, by citizen {@code author}, a reply to {@code parent}. */
  record Comment(int on, int author, String text, Integer parent) {}

  /** Citizen {@code rater}'s rating (+1 or −1) of contribution {@code of}. */
  record Rating(int of, int rater, int value) {}

  /** The city's answer to contribution {@code to}. */
  record Answer(int to, String status, int progress, String text) {}

  /** A dialogue as the editors define it and what its citizens contributed. */
  record Dialogue(
      String title,
      String description,
      List<String> questions,
      List<String> categories,
      List<Contribution> contributions,
      List<Comment> comments,
      List<Rating> ratings,
      List<Answer> answers,
      Map<String, String> categoryAnswers) {

    Dialogue withAnswers(List<Answer> answers, Map<String, String> categoryAnswers) {
      return new Dialogue(
          title,
          description,
          questions,
          categories,
          contributions,
          comments,
          ratings,
          List.copyOf(answers),
          Collections.unmodifiableMap(new LinkedHashMap<>(categoryAnswers)));
    }
  }

  /**
   * An event: on the first Tuesday from {@code inDays} after the load (negative: it took place),
   * who registered, who came.
   */
  record Event(
      boolean ofClosedDialogue,
      String kind,
      String title,
      String description,
      int inDays,
      int hour,
      String place,
      String district,
      int capacity,
      List<Integer> registrants,
      Integer attendance) {}

  /** Everything the loader submits. */
  record Plan(Dialogue closed, Dialogue open, List<Event> events) {}

  private static final List<String> CATEGORIES =
      List.of(
          "bibliothek",
          "volkshochschule",
          "museum-kultur",
          "draussen",
          "digital",
          "arbeitsplatz",
          "zuhause",
          "verein-ehrenamt");

  private static final Map<String, List<String>> PLACES =
      Map.of(
          "bibliothek",
          List.of("in der Stadtteilbibliothek", "im Lesesaal der Zentralbibliothek"),
          "volkshochschule",
          List.of("in einem Abendkurs der Volkshochschule", "im Sprachkurs der Volkshochschule"),
          "museum-kultur",
          List.of("bei den Führungen im Museum für Stadtgeschichte", "in der Musikschule"),
          "draussen",
          List.of("im Gemeinschaftsgarten", "auf dem Naturlehrpfad an der Elbe"),
          "digital",
          List.of("mit Online-Kursen am Abend", "mit Lern-Apps in der Straßenbahn"),
          "arbeitsplatz",
          List.of("bei Weiterbildungen im Betrieb", "von erfahrenen Kolleginnen und Kollegen"),
          "zuhause",
          List.of("am Küchentisch mit meinen Kindern", "mit Büchern und Podcasts zu Hause"),
          "verein-ehrenamt",
          List.of("im Repair-Café", "beim Training im Sportverein"));

  private static final String[] REASONS = {
    "weil es dort ruhig ist und ich mich konzentrieren kann",
    "weil ich dort nette Leute treffe",
    "weil es nichts kostet",
    "weil es gut mit Bus und Bahn erreichbar ist",
    "weil die Zeiten zu meinem Schichtdienst passen",
    "weil ich dort Hilfe bekomme, wenn ich nicht weiterkomme",
    "weil ich dort etwas mit den Händen machen kann",
    "weil meine Kinder mitkommen können"
  };

  private static final String[] WISHES = {
    "Ich wünsche mir längere Öffnungszeiten am Wochenende.",
    "Es fehlen Angebote auf Englisch und Arabisch.",
    "Mehr Steckdosen und besseres WLAN wären gut.",
    "Ein Kinderbetreuungsangebot während der Kurse würde helfen.",
    "Die Räume sollten barrierefrei sein.",
    "Es wäre schön, wenn es dort auch Beratung gäbe.",
    "",
    ""
  };

  private static final String[] COMMENTS = {
    "Das kann ich nur bestätigen, ich bin dort jede Woche.",
    "Gute Idee! Am Wochenende wäre ich auch dabei.",
    "Stimmt, vor allem abends ist es dort schwierig.",
    "Bei uns im Stadtteil gibt es so etwas leider gar nicht.",
    "Wir könnten dort auch einen Lesekreis anbieten.",
    "Danke für den Hinweis, das kannte ich noch nicht."
  };

  @Override
  public int order() {
    return 30;
  }

  /** The demo's dialogues and events, the same for the same seed. */
  static Plan plan(long seed) {
    Random random = new Random(seed);
    Dialogue closed =
        dialogue(
            random,
            "Wo lernst du in Lernstadt?",
            "Wo lernen Sie, was hilft Ihnen dabei und was fehlt? Die Stadt sammelt Lernorte"
                + " und Wünsche für ihr Konzept zum lebenslangen Lernen. Nach dem Vorbild des"
                + " Dresdner Bürgerdialogs \"Wo lernst du in Dresden?\".",
            List.of("Wo lernen Sie?", "Was hilft Ihnen beim Lernen?", "Was fehlt Ihnen?"),
            "Ich lerne am liebsten %s, %s.",
            76,
            6,
            195);
    Map<String, String> categoryAnswers = new LinkedHashMap<>();
    categoryAnswers.put(
        "bibliothek",
        "Die Stadtbibliothek öffnet ab dem nächsten Jahr drei Stadtteilbibliotheken auch"
            + " sonntags (Open Library mit Bibliotheksausweis).");
    categoryAnswers.put(
        "volkshochschule",
        "Die Volkshochschule bietet mehr Kurse am Abend und mit Kinderbetreuung an; die"
            + " Planung läuft mit den Stadtteilen.");
    categoryAnswers.put(
        "digital",
        "Kostenloses WLAN in allen städtischen Lernorten ist beschlossen und wird bis Ende"
            + " des Jahres eingerichtet.");
    String[][] texts = {
      {"IMPLEMENTED", "100", "Umgesetzt: Der Lesesaal hat jetzt bis 22 Uhr geöffnet."},
      {"ACCEPTED", "40", "Wir prüfen das mit dem Stadtteilzentrum, erste Gespräche laufen."},
      {"UNDER_CONSIDERATION", "10", "Der Vorschlag geht in die Bildungskonferenz im Herbst."},
      {
        "REJECTED",
        "0",
        "Dafür gibt es derzeit keine Räume; wir verweisen auf das Angebot im Nachbarstadtteil."
      },
      {"ACCEPTED", "60", "Die Volkshochschule plant dazu eine Reihe im nächsten Semester."},
      {"IMPLEMENTED", "100", "Seit Juni gibt es dort eine offene Lernwerkstatt."},
      {"UNDER_CONSIDERATION", "20", "Wir klären die Kosten mit dem Kulturamt."},
      {"ACCEPTED", "30", "Wird im Rahmen der Barrierefreiheits-Offensive umgebaut."}
    };
    Set<Integer> answered = new LinkedHashSet<>();
    while (answered.size() < texts.length) {
      answered.add(random.nextInt(closed.contributions().size()));
    }
    List<Answer> answers = new ArrayList<>();
    for (int to : answered) {
      String[] text = texts[answers.size()];
      answers.add(new Answer(to, text[0], Integer.parseInt(text[1]), text[2]));
    }
    closed = closed.withAnswers(answers, categoryAnswers);

    Dialogue open =
        dialogue(
            random,
            "Lernorte für alle: Was fehlt in deinem Stadtteil?",
            "Die Stadt plant neue Lernorte in den Stadtteilen. Sagen Sie uns, was in Ihrer"
                + " Nähe fehlt und wo ein offener Lernort entstehen sollte.",
            List.of("Was fehlt in Ihrem Stadtteil?", "Wo sollte ein neuer Lernort entstehen?"),
            "Bisher lerne ich %s, %s, aber in meiner Nähe fehlt so ein Ort.",
            14,
            3,
            40);

    List<Event> events =
        List.of(
            new Event(
                true,
                "ROUNDTABLE",
                "Runder Tisch: Ergebnisse des Bürgerdialogs",
                "Die Stadt stellt die Ergebnisse vor und beantwortet Fragen.",
                -21,
                18,
                "Rathaus, Plenarsaal",
                "d8",
                60,
                List.of(),
                43),
            new Event(
                false,
                "KICK_OFF",
                "Auftakt: Lernorte für alle",
                "Auftaktveranstaltung mit Bürgermeisterin, Lernorte-Markt und Kinderbetreuung.",
                14,
                17,
                "Zentralbibliothek im Kulturpalast",
                "d8",
                140,
                pick(random, 24),
                null),
            new Event(
                false,
                "WORKSHOP",
                "Werkstatt: Ein offener Lernort für den Stadtteil",
                "In kleinen Gruppen planen wir, wie ein offener Lernort aussehen soll.",
                28,
                10,
                "Bürgerhaus, Saal 2",
                "d13",
                25,
                pick(random, 12),
                null));
    return new Plan(closed, open, events);
  }

  private static Dialogue dialogue(
      Random random,
      String title,
      String description,
      List<String> questions,
      String textTemplate,
      int contributions,
      int comments,
      int ratings) {
    // Each citizen contributes at most 3 times, within the service's burst limit of 5.
    List<Integer> authors = new ArrayList<>();
    while (authors.size() < contributions) {
      List<Integer> citizens = new ArrayList<>();
      for (int c = 1; c <= CITIZENS; c++) {
        citizens.add(c);
      }
      Collections.shuffle(citizens, random);
      authors.addAll(citizens.subList(0, Math.min(CITIZENS, contributions - authors.size())));
    }
    List<Contribution> made = new ArrayList<>();
    for (int author : authors) {
      String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      List<String> places = PLACES.get(category);
      String wish = WISHES[random.nextInt(WISHES.length)];
      String text =
          (textTemplate.formatted(
                      places.get(random.nextInt(places.size())),
                      REASONS[random.nextInt(REASONS.length)])
                  + " "
                  + wish)
              .strip();
      // One in eight is about the whole city, without a place.
      if (random.nextInt(8) == 0) {
        made.add(new Contribution(author, text, category, null, null, null));
      } else {
        double lat =
            round(DemoCity.SOUTH + random.nextDouble() * (DemoCity.NORTH - DemoCity.SOUTH));
        double lon = round(DemoCity.WEST + random.nextDouble() * (DemoCity.EAST - DemoCity.WEST));
        made.add(new Contribution(author, text, category, DemoCity.districtAt(lat, lon), lat, lon));
      }
    }

    // Popular contributions draw more ratings: a rater picks among the first ones more often.
    List<Rating> given = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    while (given.size() < ratings) {
      int of = (int) (Math.pow(random.nextDouble(), 1.8) * made.size());
      int rater = 1 + random.nextInt(CITIZENS);
      if (rater == made.get(of).author() || !pairs.add(of + "/" + rater)) {
        continue;
      }
      given.add(new Rating(of, rater, random.nextInt(7) == 0 ? -1 : 1));
    }

    List<Comment> thread = new ArrayList<>();
    for (int i = 0; i < comments; i++) {
      // The second comment replies to the first, so that the thread shows a reply.
      boolean reply = i == 1;
      int on = reply ? thread.getFirst().on() : random.nextInt(Math.min(20, made.size()));
      int author;
      do {
        author = 1 + random.nextInt(CITIZENS);
      } while (author == made.get(on).author());
      thread.add(new Comment(on, author, COMMENTS[i % COMMENTS.length], reply ? 0 : null));
    }
    return new Dialogue(
        title,
        description,
        questions,
        CATEGORIES,
        List.copyOf(made),
        List.copyOf(thread),
        List.copyOf(given),
        List.of(),
        Map.of());
  }

  private static List<Integer> pick(Random random, int count) {
    Set<Integer> chosen = new LinkedHashSet<>();
    while (chosen.size() < count) {
      chosen.add(1 + random.nextInt(CITIZENS));
    }
    return List.copyOf(chosen);
  }

  private static double round(double degrees) {
    return Math.round(degrees * 100_000) / 100_000.0;
  }

  @Override
  public void load(StackEndpoints endpoints) throws Exception {
    Plan plan = plan(SEED);
    try (Loader loader = new Loader(endpoints)) {
      loader.refuseAnEarlierLoad(plan);
      Loaded closed = loader.dialogue(plan.closed());
      loader.phase(closed.id(), "RATING");
      loader.phase(closed.id(), "CLOSED");
      for (Map.Entry<String, String> answer : plan.closed().categoryAnswers().entrySet()) {
        loader.asEditor(
            "PUT",
            "/v1/dialogues/" + closed.id() + "/answers/categories/" + answer.getKey(),
            answerJson("ACCEPTED", 50, answer.getValue()));
      }
      for (Answer answer : plan.closed().answers()) {
        loader.asEditor(
            "PUT",
            "/v1/contributions/" + closed.contributions().get(answer.to()) + "/answer",
            answerJson(answer.status(), answer.progress(), answer.text()));
      }
      loader.phase(closed.id(), "RESULTS_PUBLISHED");
      Loaded open = loader.dialogue(plan.open());
      for (Event event : plan.events()) {
        loader.event(event, event.ofClosedDialogue() ? closed.id() : open.id());
      }
    }
  }

  private static String answerJson(String status, int progress, String text) {
    return "{\"status\":\"%s\",\"progress\":%d,\"text\":%s}"
        .formatted(status, progress, DemoHttp.quote(text));
  }

  /** A dialogue as the service stored it: its id and its contributions' ids in plan order. */
  private record Loaded(String id, List<String> contributions) {}

  /**
   * Sends as the editor and the citizens, with every citizen's token fetched once. Citizens act
   * side by side (a few requests at a time), as they would; what depends on an earlier answer (a
   * reply, a rating of a contribution) waits for it.
   */
  private static final class Loader implements AutoCloseable {

    private static final int IN_FLIGHT = 4;

    private final URI participation;
    private final DemoHttp http;
    private final ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    private final String editor;
    private final List<String> citizens;

    Loader(StackEndpoints endpoints) throws Exception {
      participation = endpoints.service("participation-service");
      http = new DemoHttp(endpoints.tokenEndpoint());
      editor = http.userToken("editor1");
      List<Callable<String>> tokens = new ArrayList<>();
      for (int n = 1; n <= CITIZENS; n++) {
        String username = "citizen" + n;
        tokens.add(() -> http.userToken(username));
      }
      citizens = all(tokens);
    }

    /**
     * Dialogues and events get new ids each time, so a second load would show everything twice:
     * after an interrupted load the data folder has to start afresh.
     */
    void refuseAnEarlierLoad(Plan plan) throws Exception {
      for (String list : List.of("/v1/dialogues?limit=100", "/v1/dialogues/drafts?limit=100")) {
        String page = asEditor("GET", list, null);
        for (Dialogue d : List.of(plan.closed(), plan.open())) {
          if (page.contains(DemoHttp.quote(d.title()))) {
            throw new IllegalStateException(
                "The dialogue \""
                    + d.title()
                    + "\" exists from an earlier, interrupted demo load; start with --fresh.");
          }
        }
      }
    }

    /** Creates and opens the dialogue and submits what its citizens contributed. */
    Loaded dialogue(Dialogue d) throws Exception {
      String id =
          DemoHttp.id(
              asEditor(
                  "POST",
                  "/v1/dialogues",
                  "{\"title\":%s,\"description\":%s,\"questions\":[%s],\"categories\":[%s],\"districts\":[%s]}"
                      .formatted(
                          DemoHttp.quote(d.title()),
                          DemoHttp.quote(d.description()),
                          quoted(d.questions()),
                          quoted(d.categories()),
                          quoted(DemoCity.districts().stream().map(x -> x[0]).toList()))));
      phase(id, "CONTRIBUTION");
      List<Callable<String>> contributions = new ArrayList<>();
      for (Contribution c : d.contributions()) {
        String place =
            c.district() == null
                ? ""
                : ",\"district\":\"%s\",\"location\":{\"lat\":%s,\"lon\":%s}"
                    .formatted(c.district(), c.lat(), c.lon());
        String json =
            "{\"text\":%s,\"category\":\"%s\"%s}"
                .formatted(DemoHttp.quote(c.text()), c.category(), place);
        contributions.add(
            () ->
                DemoHttp.id(
                    send("POST", "/v1/dialogues/" + id + "/contributions", c.author(), json)));
      }
      List<String> made = all(contributions);
      List<String> comments = new ArrayList<>();
      for (Comment c : d.comments()) {
        String parent =
            c.parent() == null ? "" : ",\"parentId\":\"" + comments.get(c.parent()) + "\"";
        comments.add(
            DemoHttp.id(
                send(
                    "POST",
                    "/v1/contributions/" + made.get(c.on()) + "/comments",
                    c.author(),
                    "{\"text\":%s%s}".formatted(DemoHttp.quote(c.text()), parent))));
      }
      List<Callable<String>> ratings = new ArrayList<>();
      for (Rating r : d.ratings()) {
        ratings.add(
            () ->
                send(
                    "PUT",
                    "/v1/contributions/" + made.get(r.of()) + "/rating",
                    r.rater(),
                    "{\"value\":" + r.value() + "}"));
      }
      all(ratings);
      return new Loaded(id, made);
    }

    void phase(String dialogue, String phase) throws Exception {
      asEditor("POST", "/v1/dialogues/" + dialogue + "/phase", "{\"phase\":\"" + phase + "\"}");
    }

    void event(Event e, String dialogue) throws Exception {
      // On a weekday, at the plan's hour in the city's time.
      ZonedDateTime start =
          ZonedDateTime.now(CITY_TIME)
              .plusDays(e.inDays())
              .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
              .withHour(e.hour())
              .truncatedTo(ChronoUnit.HOURS);
      OffsetDateTime from = start.toOffsetDateTime();
      String id =
          DemoHttp.id(
              asEditor(
                  "POST",
                  "/v1/events",
                  ("{\"dialogueId\":\"%s\",\"kind\":\"%s\",\"title\":%s,\"description\":%s,"
                          + "\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"place\":%s,"
                          + "\"district\":\"%s\",\"capacity\":%d}")
                      .formatted(
                          dialogue,
                          e.kind(),
                          DemoHttp.quote(e.title()),
                          DemoHttp.quote(e.description()),
                          from,
                          from.plusHours(2),
                          DemoHttp.quote(e.place()),
                          e.district(),
                          e.capacity())));
      List<Callable<String>> registrations = new ArrayList<>();
      for (int citizen : e.registrants()) {
        registrations.add(() -> send("POST", "/v1/events/" + id + "/registrations", citizen, null));
      }
      all(registrations);
      if (e.attendance() != null) {
        asEditor(
            "PUT", "/v1/events/" + id + "/attendance", "{\"attendance\":" + e.attendance() + "}");
      }
    }

    String asEditor(String method, String path, String json) throws Exception {
      return send(method, path, editor, json);
    }

    private String send(String method, String path, int citizen, String json) throws Exception {
      return send(method, path, citizens.get(citizen - 1), json);
    }

    private String send(String method, String path, String token, String json) throws Exception {
      return http.send(
              method,
              participation.resolve(path),
              token,
              json == null ? null : "application/json",
              json,
              Set.of(200, 201, 204))
          .body();
    }

    /** Runs the calls a few at a time; their answers in the calls' order, or the first failure. */
    private List<String> all(List<Callable<String>> calls) throws Exception {
      List<String> answers = new ArrayList<>();
      for (Future<String> answer : pool.invokeAll(calls)) {
        try {
          answers.add(answer.get());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return answers;
    }

    private static String quoted(List<String> values) {
      return values.stream().map(DemoHttp::quote).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }
}
