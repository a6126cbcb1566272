package org.lernstadt.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.lernstadt.platform.servers.ServerStartException;

/** Runs the {@link DemoDataLoader}s that have not yet run on this data folder. */
final class DemoData {

  private DemoData() {}

  static void load(Path dataDir, StackEndpoints endpoints, PrintStream out) {
    List<DemoDataLoader> loaders =
        ServiceLoader.load(DemoDataLoader.class).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparingInt(DemoDataLoader::order))
            .toList();
    Path markers = dataDir.resolve("demo-data");
    for (DemoDataLoader loader : loaders) {
      Path marker = markers.resolve(loader.name() + ".loaded");
      if (Files.exists(marker)) {
        continue;
      }
      out.printf("  demo data    loading %s%n", loader.name());
      long start = System.nanoTime();
      try {
        loader.load(endpoints);
        out.printf(
            "  demo data    %s loaded in %.1f s%n",
            loader.name(), (System.nanoTime() - start) / 1e9);
        Files.createDirectories(markers);
        Files.writeString(marker, Instant.now() + "\n");
      } catch (IOException e) {
        throw new ServerStartException(
            "Demo data " + loader.name(), dataDir.toString(), "Could not write its marker.", e);
      } catch (Exception e) {
        throw new ServerStartException(
            "Demo data " + loader.name(),
            endpoints.gateway().toString(),
            "Loading failed; it runs again on the next start (or start with --fresh).",
            e);
      }
    }
  }
}
