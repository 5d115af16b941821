package org.pstngw.sip.it;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Creates a self-signed certificate for 127.0.0.1 at test time, as a PKCS12 keystore and a truststore holding it. */
final class SelfSignedKeystore {
    private SelfSignedKeystore() {}

    static final char[] PASSWORD = "changeit".toCharArray();

    record Stores(Path keyStore, Path trustStore) {}

    @SuppressWarnings("JavaUtilDate") // Bouncy Castle's certificate builder takes java.util.Date
    static Stores create(Path dir) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=127.0.0.1");
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now),
                new Date(now - 60_000),
                new Date(now + 86_400_000L),
                name,
                pair.getPublic());
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("sip", pair.getPrivate(), PASSWORD, new Certificate[] {cert});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sip", cert);
        Path k = dir.resolve("keystore.p12");
        Path t = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(k)) {
            keys.store(out, PASSWORD);
        }
        try (OutputStream out = Files.newOutputStream(t)) {
            trust.store(out, PASSWORD);
        }
        return new Stores(k, t);
    }
}
