package org.pstngw.sip.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.pstngw.conf.SipTransportConfig;

/**
 * Builds Netty's server and client TLS contexts from a configured TLS listener: its PKCS12 (or JKS) keystore holding
 * this node's certificate and key, and its truststore of accepted CAs or peers (empty: the JDK's default CAs).
 *
 * <p>As a client it checks that the server's certificate names the host it connected to (RFC 3261 26.3.1, RFC 5922 7):
 * the JDK's endpoint identification ("HTTPS": a DNS name of the subjectAltName for a host name, an iPAddress entry for
 * an IP literal, the CN only without subjectAltName). The host is the one of the URI the request goes to, which the
 * transport passes as the peer host of the handshake (SNI for a name).
 */
public final class TlsContexts {
    /** The JDK's host name check of a server certificate (RFC 2818 rules, which RFC 5922 7.2 follows for DNS names). */
    static final String ENDPOINT_IDENTIFICATION = "HTTPS";

    private final SslContext server;
    private final SslContext client;

    private TlsContexts(SslContext server, SslContext client) {
        this.server = server;
        this.client = client;
    }

    /** Loads the keystore and truststore; a wrong path or password is reported with the file named. */
    public static TlsContexts load(SipTransportConfig tls) throws IOException, GeneralSecurityException {
        char[] keyPassword = tls.keystorePassword().reveal().toCharArray();
        KeyStore keys = read(Path.of(tls.keystore()), keyPassword);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, keyPassword);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (!tls.truststore().isBlank()) {
            tmf.init(read(
                    Path.of(tls.truststore()), tls.truststorePassword().reveal().toCharArray()));
        } else {
            tmf.init((KeyStore) null);
        }
        SslContext server = SslContextBuilder.forServer(kmf)
                .trustManager(tmf)
                .clientAuth(clientAuth(tls.clientAuth()))
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        SslContext client = SslContextBuilder.forClient()
                .keyManager(kmf)
                .trustManager(tmf)
                .protocols("TLSv1.3", "TLSv1.2")
                .endpointIdentificationAlgorithm(ENDPOINT_IDENTIFICATION)
                .build();
        return new TlsContexts(server, client);
    }

    private static ClientAuth clientAuth(SipTransportConfig.ClientAuth auth) {
        return switch (auth) {
            case NONE -> ClientAuth.NONE;
            case WANT -> ClientAuth.OPTIONAL;
            case NEED -> ClientAuth.REQUIRE;
        };
    }

    private static KeyStore read(Path path, char[] password) throws IOException, GeneralSecurityException {
        String type = path.toString().endsWith(".jks") ? "JKS" : "PKCS12";
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot read " + type + " store " + path + ": " + e.getMessage(), e);
        }
        return store;
    }

    public SslContext server() {
        return server;
    }

    public SslContext client() {
        return client;
    }
}
