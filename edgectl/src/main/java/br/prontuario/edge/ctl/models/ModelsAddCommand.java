package br.prontuario.edge.ctl.models;

import br.prontuario.edge.localcluster.models.ModelInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl models add NAME FILE…}: pins any model an operator brings (a Whisper ggml, a
 * MedGemma export) on both nodes. One bare FILE is the role {@code model}; several files name
 * their roles, {@code ROLE=FILE}.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Pins a model's files on node-a and node-b (copied or hard-linked into DIR/NODE/models/NAME/).",
        "e.g. edgectl models add dictation ~/models/ggml-large-v3.bin",
        "     edgectl models add chat model=decoder.onnx tokenizer=tokenizer.json"})
public final class ModelsAddCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Parameters(index = "0", paramLabel = "NAME", description = "dictation, chat, chat-embeddings, face, retrieval, …")
  String name;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "FILE, or ROLE=FILE for each file")
  List<String> files;

  @Override
  public Integer call() {
    Map<String, Path> byRole = roles();
    try {
      new ModelInstaller(ModelsFolders.stateDir(dir), ModelsFolders.NODES).pin(name, byRole);
    } catch (IOException e) {
      throw new UncheckedIOException("could not pin " + name + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().println("pinned " + name + " (" + String.join(", ", byRole.keySet()) + ") on "
        + String.join(", ", ModelsFolders.NODES) + "; restart the edge-nodes to load it");
    return 0;
  }

  private Map<String, Path> roles() {
    Map<String, Path> byRole = new LinkedHashMap<>();
    for (String file : files) {
      int eq = file.indexOf('=');
      String role = eq > 0 ? file.substring(0, eq) : "model";
      if (eq <= 0 && files.size() > 1) {
        throw new ParameterException(spec.commandLine(), "with several files, name each one's role: ROLE=FILE (got " + file + ")");
      }
      if (byRole.put(role, Path.of(file.substring(eq + 1)).toAbsolutePath()) != null) {
        throw new ParameterException(spec.commandLine(), "role " + role + " given twice");
      }
    }
    return byRole;
  }
}
