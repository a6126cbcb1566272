package org.lernstadt.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {

  @Test
  void aRefusedOrLostConnectionAnywhereInTheCausesIsUnreachable() {
    assertTrue(
        ProblemMappers.unreachable(
            new CompletionException(
                new IllegalStateException("pool", new ConnectException("Connection refused")))));
    assertTrue(
        ProblemMappers.unreachable(
            new RuntimeException("Connection is not active now, current status: CLOSED")));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(ProblemMappers.unreachable(new IllegalStateException("a bug")));
    assertFalse(ProblemMappers.unreachable(new CompletionException(new ArithmeticException())));
  }
}
