package org.lernstadt.local;

/**
 * Fills a new local stack with demo data for a demo city, through the services' public APIs.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list them in {@code
 * META-INF/services/org.lernstadt.local.DemoDataLoader}) and run in the order of {@link #order()}
 * once all services are ready. Each loader runs once per data folder: after it succeeded, a marker
 * file {@code <data>/demo-data/<name()>.loaded} keeps it from running again; {@code --fresh}
 * removes the markers with the data. A loader that fails stops the start-up with its message and
 * runs again on the next start.
 */
public interface DemoDataLoader {

  /** A stable name, used for the marker file and in messages. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Loaders run from lowest to highest; e.g. the catalogue's before those that refer to it. */
  default int order() {
    return 100;
  }

  /** Loads the data. Called with the addresses of the running stack. */
  void load(StackEndpoints endpoints) throws Exception;
}
