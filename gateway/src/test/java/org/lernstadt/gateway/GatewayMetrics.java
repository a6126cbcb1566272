package org.lernstadt.gateway;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the gateway's own counters, to tell whether a request reached a service. */
final class GatewayMetrics {

  private GatewayMetrics() {}

  /** How many routed calls the gateway has made to the service so far (any outcome). */
  static long routedCalls(String service) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher lines =
        Pattern.compile(
                "^gateway_downstream_requests_seconds_count\\{([^}]*)\\} ([0-9.E]+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    long total = 0;
    while (lines.find()) {
      String labels = lines.group(1);
      if (labels.contains("service=\"" + service + "\"") && labels.contains("kind=\"route\"")) {
        total += (long) Double.parseDouble(lines.group(2));
      }
    }
    return total;
  }
}
