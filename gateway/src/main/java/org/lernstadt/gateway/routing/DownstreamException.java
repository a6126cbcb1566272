package org.lernstadt.gateway.routing;

/** A service could not be reached, timed out, or answered something unusable. */
public class DownstreamException extends RuntimeException {

  public DownstreamException(String message) {
    super(message);
  }

  public DownstreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
