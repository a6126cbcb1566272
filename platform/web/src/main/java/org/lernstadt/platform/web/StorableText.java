package org.lernstadt.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses JSON strings that no database text column can hold: a NUL character (PostgreSQL rejects
 * it, which surfaced as a 500) or a UTF-16 surrogate without its pair (it would be stored as "?",
 * silently changing what the client sent). Such a value is answered 400 naming the field.
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("lernstadt-storable-text").addDeserializer(String.class, new Reader()));
  }

  /** The standard string reader, followed by the check. */
  static final class Reader extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      if (value != null && !storable(value)) {
        throw InvalidFormatException.from(
            parser,
            "text with a NUL character or an unpaired surrogate cannot be stored",
            value,
            String.class);
      }
      return value;
    }
  }

  static boolean storable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
