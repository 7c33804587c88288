package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.process.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The loopback ports of the local cloud site, kept in {@code DIR/cloud/ports.properties} so a
 * restart finds the same site at the same addresses.
 */
public record CloudPorts(int etcdClient, int etcdPeer, int patroniRest, int postgres, int gateway,
    int app, int redis) {

  private static final String FILE = "ports.properties";

  public static CloudPorts loadOrAllocate(Path cloudDir) {
    Path file = cloudDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
          p.load(in);
        }
        return new CloudPorts(port(p, "etcdClient"), port(p, "etcdPeer"), port(p, "patroniRest"),
            port(p, "postgres"), port(p, "gateway"), port(p, "app"), port(p, "redis"));
      }
      CloudPorts ports = new CloudPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(),
          FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
      Files.createDirectories(cloudDir);
      Properties p = new Properties();
      p.setProperty("etcdClient", Integer.toString(ports.etcdClient));
      p.setProperty("etcdPeer", Integer.toString(ports.etcdPeer));
      p.setProperty("patroniRest", Integer.toString(ports.patroniRest));
      p.setProperty("postgres", Integer.toString(ports.postgres));
      p.setProperty("gateway", Integer.toString(ports.gateway));
      p.setProperty("app", Integer.toString(ports.app));
      p.setProperty("redis", Integer.toString(ports.redis));
      try (var out = Files.newOutputStream(file)) {
        p.store(out, "local cloud site ports (written by edgectl)");
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(Properties p, String key) {
    return Integer.parseInt(p.getProperty(key));
  }
}
