package org.lernstadt.gateway.aggregation;

/**
 * A part of an aggregated answer that is not in it: which part, from which service, and why (e.g.
 * {@code timeout}, {@code unavailable}, {@code circuit-open}, {@code refused 403}).
 */
public record Missing(String part, String service, String reason) {}
