package org.pstngw.sip.transport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS material for the sips transport: a PKCS12 (or JKS) keystore holding this node's certificate and key, and a
 * truststore of the CAs (or peer certificates) it accepts.
 *
 * @param keyStore path of the keystore
 * @param keyStorePassword its password (also the key's)
 * @param trustStore path of the truststore; empty trusts the JDK's default CAs
 * @param trustStorePassword its password
 * @param requireClientAuth whether the server side demands a client certificate (mutual TLS)
 */
@SuppressWarnings("ArrayRecordComponent") // passwords as char arrays, copied, never printed
public record TlsSettings(
        Path keyStore,
        char[] keyStorePassword,
        Optional<Path> trustStore,
        char[] trustStorePassword,
        boolean requireClientAuth) {
    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        keyStorePassword = keyStorePassword == null ? new char[0] : keyStorePassword.clone();
        trustStorePassword = trustStorePassword == null ? new char[0] : trustStorePassword.clone();
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", trustStore=" + trustStore + ", requireClientAuth="
                + requireClientAuth + "]";
    }
}
