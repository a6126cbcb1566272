package org.lernstadt.manifests;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a manifest against the typed model of its kind: fabric8's model of the Kubernetes API and
 * Strimzi's model of its custom resources (from which Strimzi generates its CRDs). Strict where the
 * API server is: an unknown field (a typo such as {@code readinesProbe}) is an error, not a field
 * kept aside; a value of the wrong type is an error; a property the model marks as required
 * ({@code @JsonProperty(required = true)}) must be there.
 */
final class StrictModels {

  /** apiVersion/kind → model. A kind not here has no model (see {@link #hasModel}). */
  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

  private static final ObjectMapper MAPPER = strictMapper();

  private StrictModels() {}

  static boolean hasModel(Map<String, Object> manifest) {
    return MODELS.containsKey(key(manifest));
  }

  /** The violations of a manifest, empty if it is valid. */
  static List<String> violations(Map<String, Object> manifest) {
    String where = key(manifest) + " " + Repo.map(manifest.get("metadata")).get("name");
    Class<?> model = MODELS.get(key(manifest));
    if (model == null) {
      return List.of(where + ": no model for this kind");
    }
    JsonNode tree = MAPPER.valueToTree(manifest);
    Object typed;
    try {
      typed = MAPPER.treeToValue(tree, model);
    } catch (Exception e) {
      return List.of(where + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> violations = new ArrayList<>();
    checkRequired(tree, typed, where, violations);
    return violations;
  }

  private static String key(Map<String, Object> manifest) {
    return manifest.get("apiVersion") + "/" + manifest.get("kind");
  }

  /**
   * Walks the JSON tree beside the object read from it: required properties must be there, and
   * every value given must have been read as something.
   */
  private static void checkRequired(
      JsonNode node, Object value, String path, List<String> violations) {
    if (value == null) {
      // a value the model read as nothing: an enum constant it does not know, for one
      if (!node.isNull()) {
        violations.add(path + ": value not understood: " + node);
      }
      return;
    }
    if (node.isArray() && value instanceof Collection<?> values) {
      Iterator<?> elements = values.iterator();
      for (int i = 0; i < node.size() && elements.hasNext(); i++) {
        checkRequired(node.get(i), elements.next(), path + "[" + i + "]", violations);
      }
      return;
    }
    if (!node.isObject() || value instanceof Map || value.getClass().getName().startsWith("java")) {
      return;
    }
    DeserializationConfig config = MAPPER.getDeserializationConfig();
    BeanDescription bean = config.introspect(config.constructType(value.getClass()));
    for (BeanPropertyDefinition property : bean.findProperties()) {
      JsonProperty annotation =
          property.getGetter() == null
              ? null
              : property.getGetter().getAnnotation(JsonProperty.class);
      String name = property.getName();
      if (annotation != null && annotation.required() && !node.has(name)) {
        violations.add(path + ": required property missing: " + name);
      }
      if (node.has(name) && property.getGetter() != null) {
        checkRequired(
            node.get(name), property.getGetter().getValue(value), path + "." + name, violations);
      }
    }
  }

  /**
   * Jackson with the "keep unknown fields aside" of both models switched off: their classes collect
   * unknown fields through a {@code @JsonAnySetter}, which the API server would reject instead.
   */
  private static ObjectMapper strictMapper() {
    SimpleModule noAnySetter = new SimpleModule("no-any-setter");
    noAnySetter.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config,
              BeanDescription description,
              BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            builder.setIgnoreUnknownProperties(false);
            return builder;
          }
        });
    ObjectMapper mapper = new ObjectMapper();
    // "8081" is not a port number, "true" not a boolean: the API server refuses both
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    return mapper
        .registerModule(noAnySetter)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);
  }
}
