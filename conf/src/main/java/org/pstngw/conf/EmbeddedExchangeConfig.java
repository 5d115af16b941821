package org.pstngw.conf;

/**
 * The simulated far-end exchange (jSS7 M3UA over TCP on loopback) used by the demo and tests.
 *
 * @param enabled whether the gateway starts it in-process
 * @param pointCode its signalling point code (the gateway's DPC)
 * @param port TCP port it listens on for the gateway's M3UA association (0 picks a free port)
 */
public record EmbeddedExchangeConfig(boolean enabled, int pointCode, int port) {}
