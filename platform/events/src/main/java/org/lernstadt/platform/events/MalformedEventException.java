package org.lernstadt.platform.events;

/**
 * A record that is not a readable event, or an event whose body a consumer cannot apply. It is sent
 * to the dead-letter topic at once, with this message as the reason; retrying cannot help.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String reason) {
    super(reason);
  }
}
