package org.lernstadt.platform.servers;

/**
 * A server could not be started or reached. The message names the server, its address and what to
 * do, so that a failing test or local start says so at once rather than timing out later.
 */
public final class ServerStartException extends RuntimeException {

  public ServerStartException(String server, String address, String whatToDo, Throwable cause) {
    super(
        server
            + " could not be started or reached at "
            + address
            + ": "
            + (cause == null ? "" : cause.getMessage() + ". ")
            + whatToDo,
        cause);
  }
}
