package br.prontuario.edge.localcluster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsAreBelowTheEphemeralRangeDistinctAndBindable() throws Exception {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = FreePorts.next();
      assertThat(port).isBetween(FreePorts.FIRST, FreePorts.LAST).isLessThan(32_768);
      assertThat(ports.add(port)).as("handed out twice: %d", port).isTrue();
    }
    int last = ports.iterator().next();
    try (ServerSocket socket = new ServerSocket(last, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(last);
    }
  }

  @Test
  void aPortSomeoneListensOnIsNotBindable() throws Exception {
    int port = FreePorts.next();
    try (ServerSocket held = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(FreePorts.bindable(port)).isFalse();
    }
    assertThat(FreePorts.bindable(port)).isTrue();
  }
}
