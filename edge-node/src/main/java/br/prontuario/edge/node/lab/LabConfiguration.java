package br.prontuario.edge.node.lab;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.node.events.ClinicalEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lab results in: the intake, its FHIR transaction entry (registered on /fhir), and the MLLP
 * listener when {@code edge.lab.mllp-port} is set.
 */
@Configuration(proxyBeanMethods = false)
class LabConfiguration {

  @Bean
  LabIntake labIntake(LabProperties properties, LabRepository repository, AuditLog audit,
      ClinicalEvents events, TransactionTemplate transactions, Clock clock) {
    return new LabIntake(properties.senders(), repository, audit, events, transactions, clock);
  }

  @Bean
  LabBundleProvider labBundleProvider(LabIntake intake, LabProperties properties,
      LabRepository repository) {
    return new LabBundleProvider(intake, properties, repository);
  }

  @Bean
  SmartLifecycle mllpListener(LabProperties properties, LabIntake intake) {
    return new SmartLifecycle() {
      private MllpServer server;

      @Override
      public void start() {
        if (properties.mllpPort() <= 0) {
          return;
        }
        try {
          server = MllpServer.start(properties.bindAddress(), properties.mllpPort(),
              new OruHandler(intake)::handle);
        } catch (IOException e) {
          throw new UncheckedIOException("MLLP port " + properties.mllpPort() + " unavailable", e);
        }
      }

      @Override
      public void stop() {
        if (server != null) {
          try {
            server.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          server = null;
        }
      }

      @Override
      public boolean isRunning() {
        return server != null;
      }
    };
  }
}
