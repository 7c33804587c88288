package br.prontuario.edge.site.haproxy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One server's line of {@code show servers state}: the one parser of that answer.
 *
 * @param adminState srv_admin_state: 0 is ready, bit 0x01 forced maintenance, 0x08 drain
 */
public record ServerState(String backend, String name, int operationalState, int adminState) {

  /** srv_admin_state bit: forced maintenance. */
  public static final int MAINTENANCE = 0x01;

  /** Neither maintenance nor drain: takes new requests. */
  public boolean ready() {
    return adminState == 0;
  }

  public boolean inMaintenance() {
    return (adminState & MAINTENANCE) != 0;
  }

  /**
   * The servers of {@code backend} by name. The answer starts with a version line and a
   * {@code #} header; each server line reads
   * {@code be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state ...}.
   */
  public static Map<String, ServerState> parse(String answer, String backend) {
    Map<String, ServerState> servers = new LinkedHashMap<>();
    for (String line : answer.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 6 && f[1].equals(backend) && isNumber(f[5]) && isNumber(f[6])) {
        servers.put(f[3], new ServerState(backend, f[3], Integer.parseInt(f[5]),
            Integer.parseInt(f[6])));
      }
    }
    return servers;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
