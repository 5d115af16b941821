package org.pstngw.conf;

/** A host (IP literal or DNS name) and a port. */
public record HostPort(String host, int port) {
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
