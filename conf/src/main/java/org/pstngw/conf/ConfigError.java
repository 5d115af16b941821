package org.pstngw.conf;

/**
 * One configuration defect: where it is (file, 1-based line and column; 0 when unknown), which setting
 * ({@code sip.transports[1].port}; empty for the document itself) and what is wrong.
 */
public record ConfigError(String file, int line, int column, String fieldPath, String message) {

    public ConfigLocation location() {
        return new ConfigLocation(file, line, column);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!fieldPath.isEmpty()) {
            sb.append(fieldPath).append(": ");
        }
        return sb.append(message).toString();
    }
}
