package br.prontuario.edge.node.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  @TempDir Path dir;

  /** A real loader of a text "model": records which files reached it. */
  static final class TextLoader implements ModelLoader<TextLoader.Handle> {
    record Handle(String content) implements AutoCloseable {
      @Override public void close() {}
    }

    final List<Path> loaded = new ArrayList<>();
    final String name;
    final boolean broken;

    TextLoader(String name, boolean broken) {
      this.name = name;
      this.broken = broken;
    }

    @Override public String modelName() { return name; }


    @Override public Handle load(ModelFiles files) throws IOException {
      Path path = files.require("model");
      loaded.add(path);
      if (broken) {
        throw new IOException("not a model");
      }
      return new Handle(Files.readString(path));
    }
  }

  @Test
  void loadsAModelWhoseChecksumMatchesTheManifest() throws IOException {
    Path manifest = ManifestFixture.write(dir, "chat", "weights", null);
    TextLoader loader = new TextLoader("chat", false);

    ModelRegistry registry = new ModelRegistry(manifest, List.of(loader));

    assertThat(registry.status("chat").state()).isEqualTo(ModelState.LOADED);
    assertThat(registry.require("chat", TextLoader.Handle.class).content()).isEqualTo("weights");
  }

  @Test
  void refusesATamperedFileWithoutEverHandingItToTheRuntime() throws IOException {
    Path manifest = ManifestFixture.write(dir, "dictation", "weights", "tampered");
    TextLoader loader = new TextLoader("dictation", false);

    ModelRegistry registry = new ModelRegistry(manifest, List.of(loader));

    assertThat(registry.status("dictation").state()).isEqualTo(ModelState.REFUSED);
    assertThat(registry.status("dictation").detail()).contains("checksum mismatch");
    assertThat(loader.loaded).isEmpty();
    assertThatThrownBy(() -> registry.require("dictation", TextLoader.Handle.class))
        .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("dictation");
  }

  @Test
  void marksAModelMissingWhenTheManifestDoesNotListIt() throws IOException {
    Path manifest = ManifestFixture.write(dir, "chat", "weights", null);

    ModelRegistry registry = new ModelRegistry(manifest, List.of(new TextLoader("face", false)));

    assertThat(registry.status("face").state()).isEqualTo(ModelState.MISSING);
  }

  @Test
  void marksAModelMissingWhenItsFileIsAbsent() throws IOException {
    Path manifest = ManifestFixture.write(dir, "chat", "weights", null);
    Files.delete(dir.resolve("chat.bin"));

    ModelRegistry registry = new ModelRegistry(manifest, List.of(new TextLoader("chat", false)));

    assertThat(registry.status("chat").state()).isEqualTo(ModelState.MISSING);
    assertThat(registry.status("chat").detail()).contains("not found");
  }

  @Test
  void marksAModelFailedWhenTheRuntimeRejectsAVerifiedFile() throws IOException {
    Path manifest = ManifestFixture.write(dir, "chat", "weights", null);

    ModelRegistry registry = new ModelRegistry(manifest, List.of(new TextLoader("chat", true)));

    assertThat(registry.status("chat").state()).isEqualTo(ModelState.FAILED);
  }

  @Test
  void startsWithEveryModelMissingWhenNoManifestIsConfigured() {
    ModelRegistry registry = new ModelRegistry(null, List.of(new TextLoader("chat", false)));

    assertThat(registry.statuses()).containsOnlyKeys("chat");
    assertThat(registry.status("chat").state()).isEqualTo(ModelState.MISSING);
  }

  @Test
  void healthStaysUpAndListsEveryModelState() throws IOException {
    Path manifest = ManifestFixture.write(dir, "chat", "weights", "tampered");
    ModelRegistry registry = new ModelRegistry(manifest,
        List.of(new TextLoader("chat", false), new TextLoader("face", false)));

    var health = new ModelsHealthIndicator(registry).health();

    assertThat(health.getStatus().getCode()).isEqualTo("UP");
    assertThat(health.getDetails()).containsOnlyKeys("chat", "face");
    assertThat(health.getDetails().get("chat").toString()).contains("REFUSED");
  }
}
