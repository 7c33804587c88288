package br.prontuario.edge.node.inference.face;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FaceProperties.class)
class FaceConfiguration {}
