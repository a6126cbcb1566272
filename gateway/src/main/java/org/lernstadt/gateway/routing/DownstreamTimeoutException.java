package org.lernstadt.gateway.routing;

/** A service did not answer within its time budget. */
public class DownstreamTimeoutException extends DownstreamException {

  public DownstreamTimeoutException(String service, java.time.Duration timeout) {
    super(service + " did not answer within " + timeout.toMillis() + " ms");
  }
}
