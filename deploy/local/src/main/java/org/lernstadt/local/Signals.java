package org.lernstadt.local;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import sun.misc.Signal;

/**
 * Ctrl-C, SIGTERM and SIGHUP stop the stack in order. They are handled here rather than in a
 * shutdown hook because the JVM runs all hooks at once, and the embedded PostgreSQL has one of its
 * own: it would stop the database while the services still use it. A second signal while stopping
 * kills everything at once.
 */
final class Signals {

  private Signals() {}

  static void onStop(IntConsumer stopAndExit, Runnable kill) {
    AtomicBoolean received = new AtomicBoolean();
    for (String name : new String[] {"INT", "TERM", "HUP"}) {
      int exitCode =
          128
              + switch (name) {
                case "INT" -> 2;
                case "TERM" -> 15;
                default -> 1;
              };
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (received.getAndSet(true)) {
                kill.run();
              } else {
                Thread.ofPlatform()
                    .name("lernstadt-stop")
                    .start(() -> stopAndExit.accept(exitCode));
              }
            });
      } catch (IllegalArgumentException e) {
        // signal not available here; the shutdown hook still stops everything
      }
    }
  }
}
