package br.prontuario.edge.node.inference.face;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.inference.face.*}.
 *
 * @param threshold cosine similarity a crop must reach against one of the user's embeddings
 * @param encryptionKey base64 AES key (16/24/32 bytes) for embeddings at rest; without it face
 *     login is off, since biometric data (LGPD art. 11) is never stored in clear
 * @param minCrops crops an enrolment needs
 * @param maxCrops crops an enrolment may carry
 * @param maxCropBytes size limit of one crop (a whole request is limited to 1 MiB: 10 crops of
 *     64 KiB fit once base64-encoded)
 * @param threads ONNX Runtime threads per embedding
 */
@Validated
@ConfigurationProperties("edge.inference.face")
public record FaceProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6") double threshold,
    String encryptionKey,
    @Min(3) @Max(20) @DefaultValue("3") int minCrops,
    @Min(3) @Max(20) @DefaultValue("10") int maxCrops,
    @Min(1024) @DefaultValue("65536") int maxCropBytes,
    @Min(1) @Max(64) @DefaultValue("2") int threads) {}
