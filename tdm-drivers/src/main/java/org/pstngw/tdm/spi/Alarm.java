package org.pstngw.tdm.spi;

import java.util.List;
import java.util.Objects;

/**
 * A span alarm or status indication, an open set in the manner of an open enum: the four defects of G.775 / G.706
 * (T1.231 for T1) and the CRC-4 interworking indication of G.706 Annex B are named constants, and a driver may pass
 * its own states through ({@link #driverSpecific}, e.g. a DAHDI card's loopback or "not open" state) without the SPI
 * knowing them. Two alarms are equal when their names are.
 */
public final class Alarm {
    /** Loss of signal: no pulses (a run of zeros, G.775) on the receive line. */
    public static final Alarm LOS = new Alarm("LOS", true, "loss of signal");

    /** Loss of frame alignment (red alarm). */
    public static final Alarm LOF = new Alarm("LOF", true, "loss of frame alignment");

    /** Alarm indication signal: unframed all ones received (blue alarm). */
    public static final Alarm AIS = new Alarm("AIS", true, "alarm indication signal");

    /**
     * Remote alarm indication: the far end reports it has lost us (A bit on E1, yellow alarm on T1, M = 10 or the R
     * bit on a pseudowire).
     */
    public static final Alarm RAI = new Alarm("RAI", false, "remote alarm indication");

    /**
     * G.706 B.2.2: no CRC-4 multiframe was found within 400 ms of frame alignment, so the far end is taken to send
     * none (CRC-to-non-CRC interworking): basic frame alignment is kept, CRC-4 checking is off, our E bits go out
     * as 0. Traffic flows; this flags a configuration mismatch with the far end.
     */
    public static final Alarm NO_CRC4_MULTIFRAME =
            new Alarm("NO_CRC4_MULTIFRAME", false, "no incoming CRC-4 multiframe (CRC-to-non-CRC interworking)");

    private static final List<Alarm> KNOWN = List.of(LOS, LOF, AIS, RAI, NO_CRC4_MULTIFRAME);

    private final String name;
    private final boolean receiveFailure;
    private final String description;

    private Alarm(String name, boolean receiveFailure, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.receiveFailure = receiveFailure;
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The four defects of G.775: LOS, LOF, AIS, RAI. */
    public static List<Alarm> standard() {
        return List.of(LOS, LOF, AIS, RAI);
    }

    /**
     * A state only one driver knows, passed through to the span's users as it is.
     *
     * @param receiveFailure whether the span's received traffic is invalid while it is active
     */
    public static Alarm driverSpecific(String name, boolean receiveFailure, String description) {
        for (Alarm known : KNOWN) {
            if (known.name.equals(name)) {
                return known;
            }
        }
        return new Alarm(name, receiveFailure, description);
    }

    /** A named constant by its name, or a driver-specific alarm of that name (not a receive failure). */
    public static Alarm valueOf(String name) {
        return driverSpecific(name, false, name);
    }

    public String name() {
        return name;
    }

    /** Whether received traffic is invalid while this is active (LOS, LOF, AIS): channels then carry all ones. */
    public boolean receiveFailure() {
        return receiveFailure;
    }

    public String description() {
        return description;
    }

    /** Whether this is one of the constants above rather than a driver's own state. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alarm other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
