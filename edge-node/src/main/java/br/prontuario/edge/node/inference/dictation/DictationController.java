package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.speech.WavAudio;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/dictations}: a WAV recording in, a draft note with timestamps out. */
@RestController
class DictationController {

  private static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private final DictationService dictation;

  DictationController(DictationService dictation) {
    this.dictation = dictation;
  }

  @PostMapping(path = "/api/v1/dictations", consumes = MediaType.ALL_VALUE)
  ResponseEntity<DictationDraft> dictate(
      @RequestBody(required = false) byte[] audio,
      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) UUID patientId) {
    if (!isWav(contentType)) {
      throw unsupported("this Content-Type is not accepted");
    }
    String whisperLanguage = whisperLanguage(language == null ? dictation.properties().language() : language);
    if (whisperLanguage == null) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid language", "language must be a code like pt, pt-BR or en");
    }
    dictation.requireModel();
    WavAudio.Decoding decoding = WavAudio.decode(audio == null ? new byte[0] : audio,
        dictation.properties().maxAudio().toMillis());
    if (decoding instanceof WavAudio.Unsupported unsupported) {
      throw unsupported(unsupported.reason());
    }
    if (decoding instanceof WavAudio.TooLong) {
      throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Recording too long",
          "recordings up to " + dictation.properties().maxAudio().toMinutes() + " min are accepted");
    }
    WavAudio.Decoded decoded = (WavAudio.Decoded) decoding;
    return ResponseEntity.ok(dictation.transcribe(decoded, whisperLanguage, patientId));
  }

  private static boolean isWav(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return WAV_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** pt-BR → pt: Whisper knows languages, not regions. */
  private static String whisperLanguage(String requested) {
    String base = requested.split("[-_]")[0].toLowerCase(Locale.ROOT);
    return LANGUAGE.matcher(base).matches() ? base : null;
  }

  private static ApiProblem unsupported(String reason) {
    ApiProblem problem = new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported audio",
        reason + "; send " + String.join(", ", WavAudio.ACCEPTED));
    problem.getBody().setProperty("accepted", List.copyOf(WavAudio.ACCEPTED));
    return problem.withHeader(HttpHeaders.ACCEPT, String.join(", ", WAV_TYPES));
  }
}
