package org.pstngw.sip.transport;

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
import org.pstngw.conf.Secret;
import org.pstngw.conf.SipTransportConfig;

/**
 * Creates a self-signed certificate at test time, as a PKCS12 keystore and a truststore holding it: for 127.0.0.1 (an
 * iPAddress subjectAltName), or for a DNS name.
 */
public final class SelfSignedKeystore {
    private SelfSignedKeystore() {}

    public static final String PASSWORD = "changeit";

    /** The two store files. */
    public record Stores(Path keyStore, Path trustStore) {
        /** A TLS listener on 127.0.0.1:{@code port} with these stores, as configuration gives it. */
        public SipTransportConfig listener(int port) {
            Secret password = new Secret(PASSWORD);
            return new SipTransportConfig(
                    SipTransportConfig.Protocol.TLS,
                    "127.0.0.1",
                    port,
                    keyStore.toString(),
                    password,
                    trustStore.toString(),
                    password,
                    SipTransportConfig.ClientAuth.NONE);
        }
    }

    /** A certificate for 127.0.0.1. */
    public static Stores create(Path dir) throws Exception {
        return create(dir, "127.0.0.1", new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    }

    /** A certificate for the DNS name {@code host} only (CN and a dNSName subjectAltName). */
    public static Stores forName(Path dir, String host) throws Exception {
        return create(dir, host, new GeneralName(GeneralName.dNSName, host));
    }

    @SuppressWarnings("JavaUtilDate") // Bouncy Castle's certificate builder takes java.util.Date
    private static Stores create(Path dir, String cn, GeneralName altName) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=" + cn);
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now),
                new Date(now - 60_000),
                new Date(now + 86_400_000L),
                name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altName));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("sip", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sip", cert);
        Path k = dir.resolve("keystore.p12");
        Path t = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(k)) {
            keys.store(out, PASSWORD.toCharArray());
        }
        try (OutputStream out = Files.newOutputStream(t)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return new Stores(k, t);
    }
}
