package br.prontuario.edge.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Optional;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads an object into fabric8's model class for its apiVersion/kind, failing on any field the
 * class does not have. fabric8's models keep unknown fields in {@code additionalProperties} (an
 * any-setter), which would hide a misspelt field; this mapper drops the any-setter and turns on
 * FAIL_ON_UNKNOWN_PROPERTIES, so a typo is an error with its path.
 */
final class StrictModel {

  private static final KubernetesSerialization TYPES = new KubernetesSerialization();

  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(new SimpleModule("no-additional-properties")
          .setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
                BeanDescription.Supplier bean, BeanDeserializerBuilder builder) {
              builder.setAnySetter(null);
              return builder;
            }
          }))
      .build();

  private StrictModel() {}

  /** fabric8's class for the object, or empty for a custom resource (checked against its CRD). */
  static Optional<Class<? extends KubernetesResource>> modelClass(JsonNode object) {
    Class<? extends KubernetesResource> type = TYPES.getRegisteredKubernetesResource(
        object.path("apiVersion").asString(), object.path("kind").asString());
    return type == null || type == GenericKubernetesResource.class ? Optional.empty()
        : Optional.of(type);
  }

  static <T> T read(JsonNode object, Class<T> type) {
    return STRICT.treeToValue(object, type);
  }

  static HasMetadata read(JsonNode object) {
    Class<? extends KubernetesResource> type = modelClass(object).orElseThrow(() ->
        new IllegalArgumentException("not one of fabric8's model kinds: " + object.path("kind")));
    return (HasMetadata) read(object, type);
  }
}
