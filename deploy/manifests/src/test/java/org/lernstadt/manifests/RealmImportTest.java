package org.lernstadt.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.manifests.Repo.list;
import static org.lernstadt.manifests.Repo.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Keycloak operator imports the realm from a KeycloakRealmImport resource, which carries the
 * realm inline; Kustomize cannot inline a file. So the two resources are made from
 * deploy/keycloak/lernstadt-realm.json, the one realm of every run mode, and this test fails as
 * soon as they differ from it. After a change of the realm: {@code ./mvnw -B verify -pl
 * deploy/manifests -Dtest=RealmImportTest -Dlernstadt.realm-import.write=true}.
 *
 * <p>The base gets the realm without its demo users and with each client secret replaced by a
 * placeholder that the operator fills from the Secret keycloak-client-secrets; the local overlay
 * adds the demo users.
 */
class RealmImportTest {

  private static final Path REALM = Repo.path("deploy/keycloak/lernstadt-realm.json");
  private static final Path BASE = Repo.path("deploy/kubernetes/base/keycloak/realm-import.yaml");
  private static final Path USERS =
      Repo.path("deploy/kubernetes/overlays/local/realm-demo-users.yaml");
  private static final String HEADER =
      "# Made from deploy/keycloak/lernstadt-realm.json by RealmImportTest (deploy/manifests),"
          + " which fails\n# when the two differ. Do not edit: change the realm file and run the"
          + " test with\n# -Dlernstadt.realm-import.write=true.\n";

  @Test
  void theRealmImportsAreMadeFromTheRealmFile() throws IOException {
    if (Boolean.getBoolean("lernstadt.realm-import.write")) {
      write(
          BASE,
          "# The realm lernstadt without its demo users; client secrets from the Secret\n"
              + "# keycloak-client-secrets (base/stack-config.yaml).\n",
          baseImport());
      write(
          USERS,
          "# The demo users of the realm (password demo): the local overlay only.\n",
          usersPatch());
    }
    assertEquals(baseImport(), Repo.yaml(BASE));
    assertEquals(usersPatch(), Repo.yaml(USERS));
  }

  private static Map<String, Object> baseImport() throws IOException {
    Map<String, Object> realm = realm();
    realm.remove("users");
    Map<String, Object> placeholders = new LinkedHashMap<>();
    for (Object client : list(realm.get("clients"))) {
      Map<String, Object> c = map(client);
      if (c.containsKey("secret")) {
        String clientId = (String) c.get("clientId");
        String placeholder = clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
        c.put("secret", "${" + placeholder + "}");
        placeholders.put(
            placeholder,
            Map.of("secret", Map.of("name", "keycloak-client-secrets", "key", clientId)));
      }
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("keycloakCRName", "lernstadt-keycloak");
    spec.put("placeholders", placeholders);
    spec.put("realm", realm);
    return resource(spec);
  }

  private static Map<String, Object> usersPatch() throws IOException {
    return resource(Map.of("realm", Map.of("users", realm().get("users"))));
  }

  private static Map<String, Object> resource(Map<String, Object> spec) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
    resource.put("kind", "KeycloakRealmImport");
    resource.put("metadata", Map.of("name", "lernstadt-realm"));
    resource.put("spec", spec);
    return resource;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> realm() throws IOException {
    return new ObjectMapper().readValue(REALM.toFile(), LinkedHashMap.class);
  }

  private static void write(Path file, String comment, Map<String, Object> resource)
      throws IOException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(100);
    Files.writeString(file, HEADER + comment + new Yaml(options).dump(resource));
  }
}
