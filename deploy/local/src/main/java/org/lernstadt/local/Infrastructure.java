package org.lernstadt.local;

import org.lernstadt.platform.servers.KeycloakServer;
import org.lernstadt.platform.servers.PostgresServer;

/** The servers every service needs, started (or found) before the services. */
record Infrastructure(PostgresServer postgres, LocalKafka kafka, KeycloakServer keycloak) {}
