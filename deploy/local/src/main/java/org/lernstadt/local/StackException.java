package org.lernstadt.local;

/** A problem the user can fix; its message says how, and is printed without a stack trace. */
final class StackException extends RuntimeException {

  StackException(String message) {
    super(message);
  }
}
