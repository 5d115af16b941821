package org.pstngw.conf;

/**
 * Management HTTP API and metrics.
 *
 * @param bindAddress HTTP bind address
 * @param port HTTP port (0 picks a free port)
 * @param metrics whether Prometheus metrics are served at /metrics
 */
public record ManagementConfig(String bindAddress, int port, boolean metrics) {}
