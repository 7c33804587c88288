package br.prontuario.edge.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.support.EdgeNodeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class DemoSeedIT extends EdgeNodeIT {

  @Autowired DemoSeeder seeder;

  @Test
  void theDemoPhysicianAndSyntheticPatientsExistAfterStart() {
    assertThat(jdbc.queryForObject("SELECT role FROM users WHERE username = 'demo'", String.class))
        .isEqualTo("physician");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM patients WHERE created_by = 'system'",
        Integer.class)).isEqualTo(5);
  }

  @Test
  void seedingAgainCreatesNothingNew() {
    int patients = count("patients");
    int users = count("users");
    seeder.run(new DefaultApplicationArguments());
    assertThat(count("patients")).isEqualTo(patients);
    assertThat(count("users")).isEqualTo(users);
  }
}
