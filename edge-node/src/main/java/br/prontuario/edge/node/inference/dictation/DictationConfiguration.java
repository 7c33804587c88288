package br.prontuario.edge.node.inference.dictation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DictationProperties.class)
class DictationConfiguration {}
