package org.pstngw.conf;

import java.util.List;
import java.util.Map;

/**
 * The TDM side.
 *
 * @param driver name of the TDM driver (ServiceLoader name): loopback, pseudowire, dahdi
 * @param driverOptions driver-specific options, passed through as strings
 * @param spans the E1/T1 spans
 */
public record TdmConfig(String driver, Map<String, String> driverOptions, List<SpanConfig> spans) {
    public TdmConfig {
        driverOptions = Map.copyOf(driverOptions);
        spans = List.copyOf(spans);
    }
}
