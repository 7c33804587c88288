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
 * @param threshold cosine similarity a photo's face must reach against one of the user's
 *     embeddings; calibrated on real photos (docs/inference.md)
 * @param encryptionKey base64 AES key (16/24/32 bytes) for embeddings at rest; without it face
 *     login is off, since biometric data (LGPD art. 11) is never stored in clear
 * @param minPhotos photos an enrolment needs
 * @param maxPhotos photos an enrolment may carry
 * @param maxPhotoBytes size limit of one photo (an enrolment request is limited to
 *     {@code RequestBodyFilter.MAX_FACE_BODY_BYTES}: 10 photos of 512 KiB fit once base64-encoded)
 * @param threads ONNX Runtime threads per embedding
 */
@Validated
@ConfigurationProperties("edge.inference.face")
public record FaceProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue(FaceProperties.DEFAULT_THRESHOLD) double threshold,
    String encryptionKey,
    @Min(1) @Max(10) @DefaultValue("1") int minPhotos,
    @Min(1) @Max(10) @DefaultValue("10") int maxPhotos,
    @Min(1024) @Max(524288) @DefaultValue("524288") int maxPhotoBytes,
    @Min(1) @Max(64) @DefaultValue("2") int threads) {

  /** Calibrated on real photos with the pinned models: the table in docs/inference.md. */
  public static final String DEFAULT_THRESHOLD = "0.4";
}
