package br.prontuario.edge.node.lab;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Lab results in ({@code edge.lab.*}).
 *
 * @param mllpPort the MLLP listener's port; 0 (the default) leaves it off
 * @param bindAddress where it listens (the lab systems' network, loopback in the local cluster)
 * @param senders the lab systems allowed to send, each known by MSH-3/MSH-4 and authenticated by
 *     the token it puts in MSH-8 (Security), stored here as its SHA-256 only
 */
@Validated
@ConfigurationProperties("edge.lab")
record LabProperties(int mllpPort, String bindAddress, @Valid List<Sender> senders) {

  LabProperties {
    bindAddress = bindAddress == null ? "127.0.0.1" : bindAddress;
    senders = senders == null ? List.of() : List.copyOf(senders);
  }

  record Sender(@NotBlank String application, @NotBlank String facility,
      @Pattern(regexp = "[0-9a-f]{64}") String tokenSha256) {

    /** The name results and audit rows carry: "LIS@HOSP". */
    String name() {
      return application + "@" + facility;
    }

    /** The presented token is this sender's: its SHA-256 compared in constant time. */
    boolean accepts(String token) {
      return token != null && MessageDigest.isEqual(LabIntake.sha256(token),
          HexFormat.of().parseHex(tokenSha256));
    }
  }
}
