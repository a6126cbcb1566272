package org.lernstadt.platform.it;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The test application's aggregate. */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

  @Id public UUID id;
  public String text;
  public int priority;
}
