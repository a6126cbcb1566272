package org.lernstadt.counseling.casework.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** The configured stages of each transition ({@code lernstadt.counseling.stages.<TRANSITION>}). */
@ApplicationScoped
public class Stages {

  private final Map<Transition, List<String>> stages = new EnumMap<>(Transition.class);

  @PostConstruct
  void load() {
    for (Transition t : Transition.values()) {
      List<String> list =
          ConfigProvider.getConfig()
              .getOptionalValues("lernstadt.counseling.stages." + t.name(), String.class)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "lernstadt.counseling.stages." + t.name() + " is not configured"));
      stages.put(t, list.stream().map(String::trim).toList());
    }
  }

  public List<String> of(Transition transition) {
    return stages.get(transition);
  }

  public String first(Transition transition) {
    return of(transition).get(0);
  }

  public boolean has(Transition transition, String stage) {
    return of(transition).contains(stage);
  }
}
