package org.pstngw.conf;

/**
 * One SIP listening transport.
 *
 * @param protocol UDP, TCP or TLS
 * @param bindAddress IP address to bind
 * @param port port to bind (0 picks a free port); defaults to 5060, or 5061 for TLS
 * @param keystore TLS key store path (PKCS#12 or JKS); empty when not TLS
 * @param keystorePassword key store password
 * @param truststore TLS trust store path; empty means the JDK default trust
 * @param truststorePassword trust store password
 * @param clientAuth whether TLS clients must present a certificate
 */
public record SipTransportConfig(
        Protocol protocol,
        String bindAddress,
        int port,
        String keystore,
        Secret keystorePassword,
        String truststore,
        Secret truststorePassword,
        ClientAuth clientAuth) {

    /** Transport protocol. */
    public enum Protocol {
        UDP,
        TCP,
        TLS
    }

    /** TLS client authentication. */
    public enum ClientAuth {
        NONE,
        WANT,
        NEED
    }

    /** A plain (non-TLS) transport. */
    public static SipTransportConfig plain(Protocol protocol, String bindAddress, int port) {
        return new SipTransportConfig(protocol, bindAddress, port, "", Secret.NONE, "", Secret.NONE, ClientAuth.NONE);
    }
}
