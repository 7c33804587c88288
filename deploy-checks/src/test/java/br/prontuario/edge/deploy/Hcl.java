package br.prontuario.edge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * terraform/*.tf as JSON, through npm's @cdktf/hcl2json (HashiCorp's HCL parser compiled to wasm)
 * installed once under target/: providers cannot be downloaded here, so `terraform validate` cannot
 * run, but the configuration can be read and its rules checked.
 */
final class Hcl {

  private static final String SCRIPT = """
      const { parse } = require('@cdktf/hcl2json');
      const fs = require('fs');
      const path = require('path');
      (async () => {
        const dir = process.argv[2];
        const files = {};
        for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.tf')).sort()) {
          files[f] = await parse(f, fs.readFileSync(path.join(dir, f), 'utf8'));
        }
        process.stdout.write(JSON.stringify(files));
      })().catch(e => { console.error(e.message || e); process.exit(1); });
      """;

  private Hcl() {}

  /** file name -> that file's blocks ({"resource": {type: {name: [body]}}, "variable": ...}). */
  static JsonNode parse(Path terraformDir) {
    Path home = Path.of(System.getProperty("hcl2json.dir", "target/hcl2json")).toAbsolutePath();
    String version = System.getProperty("hcl2json.version", "0.21.0");
    try {
      Files.createDirectories(home);
      Path installed = home.resolve("node_modules/@cdktf/hcl2json/package.json");
      if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + version + "\"")) {
        Commands.run(home, 300, "npm", "install", "--no-audit", "--no-fund", "--no-save",
            "--prefix", home.toString(), "@cdktf/hcl2json@" + version);
      }
      Path script = home.resolve("parse-terraform.js");
      Files.writeString(script, SCRIPT);
      return JsonMapper.shared().readTree(Commands.run(home, 120, "node", script.toString(),
          terraformDir.toAbsolutePath().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
