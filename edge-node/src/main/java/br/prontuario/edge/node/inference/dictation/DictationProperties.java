package br.prontuario.edge.node.inference.dictation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.inference.dictation.*}.
 *
 * @param language default spoken language (Whisper code; "pt" is pt-BR's)
 * @param chunk audio is transcribed in pieces of at most this length (Whisper's window is 30 s)
 * @param maxAudio longer recordings get 413
 * @param threads whisper.cpp threads per transcription
 */
@Validated
@ConfigurationProperties("edge.inference.dictation")
public record DictationProperties(
    @NotBlank @DefaultValue("pt") String language,
    @NotNull @DefaultValue("30s") Duration chunk,
    @NotNull @DefaultValue("15m") Duration maxAudio,
    @Min(1) @Max(64) @DefaultValue("4") int threads) {}
