package org.lernstadt.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks before anything starts that the ports the stack will listen on are free. */
final class PortCheck {

  private final Map<String, Integer> wanted = new LinkedHashMap<>();

  /** Notes that {@code server} will listen on {@code port}. */
  PortCheck need(String server, int port) {
    wanted.put(server, port);
    return this;
  }

  /** Fails with one message naming every server whose port is taken, and what to do. */
  void verify() {
    StringBuilder taken = new StringBuilder();
    Map<Integer, String> seen = new LinkedHashMap<>();
    wanted.forEach(
        (server, port) -> {
          String other = seen.putIfAbsent(port, server);
          if (other != null) {
            taken.append(
                "  %s and %s both want port %d: give one another port with --port.%n"
                    .formatted(other, server, port));
          } else if (inUse(port)) {
            taken.append(
                "  %s cannot listen on localhost:%d: the port is already in use.%n"
                    .formatted(server, port));
          }
        });
    if (!taken.isEmpty()) {
      throw new StackException(
          "Cannot start, nothing was started:\n"
              + taken
              + "Is another stack or server running? `ss -ltnp` shows who listens where; stop it,"
              + " or move this stack with --port NAME=PORT (see ./lernstadt help).");
    }
  }

  static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      // nobody answers on IPv4 loopback; try to take the port
    }
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
