package br.prontuario.edge.localcluster.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports that were free a moment ago, taken below the kernels' ephemeral ranges (Linux
 * 32768–60999, macOS 49152–65535). A port the kernel hands out for {@code bind(0)} is an ephemeral
 * one, and a cluster binds it minutes later: meanwhile any outgoing connection may have been given
 * it as its local port (CI: "Port 40989 is already in use" for the cloud's cloud-fallback). Below
 * the range only listeners compete, and this JVM never hands out a port twice.
 */
public final class FreePorts {

  static final int FIRST = 15_000;
  static final int LAST = 32_767;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  public static synchronized int next() {
    int span = LAST - FIRST + 1;
    int start = ThreadLocalRandom.current().nextInt(span);
    for (int i = 0; i < span; i++) {
      int port = FIRST + (start + i) % span;
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port between " + FIRST + " and " + LAST);
  }

  static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }
}
