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

/** Builds Netty's server and client TLS contexts from {@link TlsSettings}. */
public final class TlsContexts {
    private final SslContext server;
    private final SslContext client;

    private TlsContexts(SslContext server, SslContext client) {
        this.server = server;
        this.client = client;
    }

    /** Loads the keystore and truststore; a wrong path or password is reported with the file named. */
    public static TlsContexts load(TlsSettings settings) throws IOException, GeneralSecurityException {
        KeyStore keys = read(settings.keyStore(), settings.keyStorePassword());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, settings.keyStorePassword());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (settings.trustStore().isPresent()) {
            tmf.init(read(settings.trustStore().get(), settings.trustStorePassword()));
        } else {
            tmf.init((KeyStore) null);
        }
        SslContext server = SslContextBuilder.forServer(kmf)
                .trustManager(tmf)
                .clientAuth(settings.requireClientAuth() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        SslContext client = SslContextBuilder.forClient()
                .keyManager(kmf)
                .trustManager(tmf)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        return new TlsContexts(server, client);
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
