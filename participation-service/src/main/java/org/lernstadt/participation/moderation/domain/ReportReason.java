package org.lernstadt.participation.moderation.domain;

/** Why a citizen reports an item; {@link #OTHER} needs a note. */
public enum ReportReason {
  SPAM,
  OFFENSIVE,
  OFF_TOPIC,
  OTHER
}
