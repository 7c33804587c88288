package br.prontuario.edge.node.inference.model;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InferenceProperties.class)
class InferenceConfiguration {

  @Bean
  ModelRegistry modelRegistry(InferenceProperties properties, List<ModelLoader<?>> loaders) {
    return new ModelRegistry(properties.manifest(), loaders);
  }

  @Bean
  InferenceGate inferenceGate(InferenceProperties properties, MeterRegistry meters) {
    return new InferenceGate(properties, meters);
  }

  @Bean("models")
  ModelsHealthIndicator modelsHealthIndicator(ModelRegistry registry) {
    return new ModelsHealthIndicator(registry);
  }
}
