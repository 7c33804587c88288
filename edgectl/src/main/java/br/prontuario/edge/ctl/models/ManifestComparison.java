package br.prontuario.edge.ctl.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the manifests of the nodes (the seed's model sync "checksum_validation"): every model
 * file must be pinned on every node with the same SHA-256 and size. Pure: no I/O.
 */
final class ManifestComparison {

  /** One model file that is not the same everywhere, in words an operator can act on. */
  record Mismatch(String file, String reason) {}

  private ManifestComparison() {}

  static List<Mismatch> compare(List<NodeManifest> nodes) {
    TreeSet<String> keys = new TreeSet<>();
    nodes.forEach(n -> keys.addAll(n.files().keySet()));
    List<Mismatch> mismatches = new ArrayList<>();
    for (String key : keys) {
      PinnedFile reference = null;
      String referenceNode = null;
      for (NodeManifest node : nodes) {
        PinnedFile file = node.files().get(key);
        if (file == null) {
          mismatches.add(new Mismatch(key, "not in the manifest of " + node.node()));
        } else if (reference == null) {
          reference = file;
          referenceNode = node.node();
        } else if (!reference.sha256().equals(file.sha256()) || reference.size() != file.size()) {
          mismatches.add(new Mismatch(key, referenceNode + " pins sha256 " + shortHash(reference) + " size "
              + reference.size() + ", " + node.node() + " pins sha256 " + shortHash(file) + " size " + file.size()));
        }
      }
    }
    return mismatches;
  }

  static Map<String, Integer> modelsPerNode(List<NodeManifest> nodes) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    nodes.forEach(n -> counts.put(n.node(), n.files().size()));
    return counts;
  }

  private static String shortHash(PinnedFile file) {
    return file.sha256().length() > 12 ? file.sha256().substring(0, 12) : file.sha256();
  }
}
