package org.pstngw.tdm.pseudowire;

/**
 * What is played out in place of a lost packet (RFC 4553 section 5.4.2, RFC 5086 section 5.5). SAToP
 * plays all-ones (AIS); CESoPSN may play the timeslots' idle pattern or repeat the last good packet.
 */
public enum FillPolicy {
    /** 0xFF in every byte: AIS for a structure-agnostic stream. */
    ALL_ONES,
    /** The configured idle byte in every timeslot (e.g. 0xD5 for A-law silence, 0xFF for mu-law). */
    IDLE_PATTERN,
    /** The last payload played, again (falls back to the idle byte before the first one). */
    REPEAT_LAST
}
