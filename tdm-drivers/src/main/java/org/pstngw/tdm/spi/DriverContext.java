package org.pstngw.tdm.spi;

import java.util.Map;
import org.pstngw.tdm.clock.FrameClock;

/**
 * What a driver is created with.
 *
 * @param clock the 125 us frame clock that paces drivers without hardware timing (loopback, pseudowire); a hardware
 *     driver (DAHDI) may ignore it and be paced by its card
 * @param options driver-wide settings from configuration (e.g. a bind address), unknown keys ignored
 */
public record DriverContext(FrameClock clock, Map<String, String> options) {
    public DriverContext {
        if (clock == null || options == null) {
            throw new IllegalArgumentException("clock and options must not be null");
        }
        options = Map.copyOf(options);
    }

    public static DriverContext of(FrameClock clock) {
        return new DriverContext(clock, Map.of());
    }
}
