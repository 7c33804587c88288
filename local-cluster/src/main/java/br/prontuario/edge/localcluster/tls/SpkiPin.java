package br.prontuario.edge.localcluster.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;

/**
 * base64(SHA-256(SubjectPublicKeyInfo)) of a certificate: the form Chromium's
 * {@code --ignore-certificate-errors-spki-list} takes, so a browser driven against the cluster
 * trusts exactly its server certificate without touching the machine's trust store.
 */
public final class SpkiPin {

  private SpkiPin() {}

  public static String of(Path certificate) {
    try (var in = Files.newInputStream(certificate)) {
      byte[] spki = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot pin " + certificate, e);
    }
  }
}
