package org.pstngw.conf;

/**
 * This gateway node.
 *
 * @param name node name, used in logs, CDRs and metrics
 * @param dataDir directory for state files (CDRs, jSS7 persistence); relative paths are relative to the working dir
 */
public record NodeConfig(String name, String dataDir) {}
