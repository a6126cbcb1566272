package org.lernstadt.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Forwards TCP connections on a loopback port to a target port. Tests put it in front of a server
 * to take that server away from the clients ({@link #interrupt()}) and bring it back ({@link
 * #restore()}) while the server itself keeps running.
 */
public final class TcpProxy implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TcpProxy.class);

  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile int targetPort;
  private volatile ServerSocket server;

  private TcpProxy(int port) {
    this.port = port;
  }

  /** Listens on a free loopback port; the target is set once it is known. */
  public static TcpProxy onFreePort() {
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
      TcpProxy proxy = new TcpProxy(probe.getLocalPort());
      probe.close();
      proxy.restore();
      return proxy;
    } catch (IOException e) {
      throw new ServerStartException("TCP proxy", "localhost", "No free port.", e);
    }
  }

  public int port() {
    return port;
  }

  public void forwardTo(int targetPort) {
    this.targetPort = targetPort;
  }

  /** Closes the port and every open connection, as if the server behind it went away. */
  public synchronized void interrupt() {
    ServerSocket current = server;
    server = null;
    closeQuietly(current);
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
    LOG.infof("Proxy on port %d interrupted", port);
  }

  /** Listens again on the same port. */
  public synchronized void restore() {
    if (server != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = socket;
      Thread.ofVirtual().name("proxy-accept-" + port).start(() -> accept(socket));
    } catch (IOException e) {
      throw new ServerStartException("TCP proxy", "localhost:" + port, "Port is taken.", e);
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        // Without this, Nagle's algorithm meets delayed ACKs and small requests wait ~40 ms.
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.debugf("Proxy on port %d: %s", port, e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other side closed; close both below
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            });
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing is best effort
      }
    }
  }

  @Override
  public void close() {
    interrupt();
  }
}
