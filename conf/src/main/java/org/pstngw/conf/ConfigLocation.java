package org.pstngw.conf;

/** Where a configuration value came from: the file, and the 1-based line and column in it. */
public record ConfigLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
