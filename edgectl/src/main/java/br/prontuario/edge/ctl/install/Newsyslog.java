package br.prontuario.edge.ctl.install;

import java.util.List;
import java.util.StringJoiner;

/**
 * {@code /etc/newsyslog.d/prontuario.conf}: rotation of the launchd services' log files by size.
 *
 * <p>launchd opens a service's StandardOutPath when it starts the service and none of these
 * daemons reopens stdout, so after a rotation the running service keeps writing to the file moved
 * aside ({@code .0}) and the new file stays empty until the service's next start. Hence no
 * compression ({@code J} would compress, then delete, a file still being written: lines lost, space
 * not freed) and no signal ({@code N}); owner and group so that the new file is the service's.
 */
final class Newsyslog {

  static final String FILE = "/etc/newsyslog.d/prontuario.conf";
  static final int KEEP = 7;
  static final int ROTATE_AT_KB = 10240;

  private Newsyslog() {}

  static String render(Host host, List<Service> services) {
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# Prontuário Edge service logs (written by edgectl install): " + KEEP + " files of "
        + ROTATE_AT_KB / 1024 + " MB each, uncompressed, no signal (see docs/operations.md, Install)");
    c.add("# logfilename\t[owner:group]\tmode\tcount\tsize\twhen\tflags");
    for (Service s : services) {
      String group = Host.ROOT.equals(s.account()) ? "wheel" : s.account();
      c.add(String.join("\t", LaunchdPlist.logFile(host, s), s.account() + ":" + group, "640",
          Integer.toString(KEEP), Integer.toString(ROTATE_AT_KB), "*", "N"));
    }
    return c.toString();
  }
}
