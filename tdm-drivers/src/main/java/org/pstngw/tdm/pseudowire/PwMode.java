package org.pstngw.tdm.pseudowire;

/** The two TDM pseudowire encapsulations carried over UDP. */
public enum PwMode {
    /** RFC 4553: the span's bit stream, structure-agnostic; the M bits are reserved (zero). */
    SATOP,
    /** RFC 5086: whole frames of N timeslots per packet, structure-aware (basic mode, no CAS). */
    CESOPSN
}
