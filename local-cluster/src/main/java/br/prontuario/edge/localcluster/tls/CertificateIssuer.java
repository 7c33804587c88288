package br.prontuario.edge.localcluster.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the local cluster's certificates with BouncyCastle: a certificate authority and a TLS
 * server certificate it signs. ECDSA P-256 (iOS, Chromium, HAProxy and the JDK all accept it).
 * iOS refuses server certificates valid for more than 825 days or without the serverAuth usage
 * and a subjectAltName, even from a CA the user trusts.
 */
final class CertificateIssuer {

  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration SERVER_VALIDITY = Duration.ofDays(825);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A certificate with its private key. */
  record Issued(X509Certificate certificate, KeyPair keys) {}

  private CertificateIssuer() {}

  static Issued authority(String commonName) {
    KeyPair keys = newKeys();
    X500Name name = new X500Name("CN=" + commonName + ",O=Prontuário Edge");
    try {
      var ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = builder(name, name, CA_VALIDITY, keys)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issued(sign(b, keys), keys);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create the certificate authority: " + e.getMessage(), e);
    }
  }

  /** A server certificate for {@code dnsNames} and {@code ipAddresses}, signed by {@code ca}. */
  static Issued server(Issued ca, List<String> dnsNames, List<String> ipAddresses) {
    return leaf(ca, dnsNames.get(0), dnsNames, ipAddresses, KeyPurposeId.id_kp_serverAuth);
  }

  /**
   * A certificate that both serves and connects, for etcd: its members dial each other with the
   * same certificate they serve with (peer TLS), and its JSON gateway dials its own gRPC server.
   */
  static Issued peer(Issued ca, List<String> dnsNames, List<String> ipAddresses) {
    return leaf(ca, dnsNames.get(0), dnsNames, ipAddresses, KeyPurposeId.id_kp_serverAuth,
        KeyPurposeId.id_kp_clientAuth);
  }

  /** A client certificate whose CN names the client (etcd's user when its auth is turned on). */
  static Issued client(Issued ca, String commonName) {
    return leaf(ca, commonName, List.of(), List.of(), KeyPurposeId.id_kp_clientAuth);
  }

  private static Issued leaf(Issued ca, String commonName, List<String> dnsNames, List<String> ipAddresses,
      KeyPurposeId... usages) {
    KeyPair keys = newKeys();
    X500Name subject = new X500Name("CN=" + commonName + ",O=Prontuário Edge");
    // the CA subject byte for byte: a re-encoded name may not match and breaks the chain
    X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    GeneralName[] names = java.util.stream.Stream.concat(
        dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)),
        ipAddresses.stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip)))
        .toArray(GeneralName[]::new);
    try {
      var ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = builder(issuer, subject, SERVER_VALIDITY, keys)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false,
              ext.createAuthorityKeyIdentifier(ca.certificate()));
      if (names.length > 0) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      return new Issued(sign(b, ca.keys()), keys);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create the certificate for " + commonName + ": " + e.getMessage(), e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, Duration validity,
      KeyPair keys) {
    Instant now = Instant.now();
    // a little back-dating: a phone whose clock is a few minutes behind still accepts it
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity).minus(Duration.ofHours(1))),
        subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      var signed = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
      return new JcaX509CertificateConverter().getCertificate(signed);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC P-256 in this JDK", e);
    }
  }
}
