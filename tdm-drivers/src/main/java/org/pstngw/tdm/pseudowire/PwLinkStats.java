package org.pstngw.tdm.pseudowire;

/**
 * A snapshot of one pseudowire's counters.
 *
 * @param packetsSent packets handed to the socket
 * @param sendFailures packets the socket refused (buffer full or error)
 * @param packetsReceived well-formed packets received
 * @param malformed packets dropped as malformed
 * @param played packets played out in order
 * @param lost packets missing at their playout time (filled)
 * @param late packets that arrived after their playout time (dropped)
 * @param duplicates packets received twice (dropped)
 * @param overflows jitter buffer resynchronisations on a packet too far ahead
 * @param underruns returns to filling after a ring's worth of loss
 * @param fillLevel packets waiting in the jitter buffer now
 * @param arrivalPpm far end's clock offset estimated from arrival times
 * @param fillPpm far end's clock offset estimated from the jitter buffer fill (PI integral)
 */
public record PwLinkStats(
        long packetsSent,
        long sendFailures,
        long packetsReceived,
        long malformed,
        long played,
        long lost,
        long late,
        long duplicates,
        long overflows,
        long underruns,
        int fillLevel,
        double arrivalPpm,
        double fillPpm) {}
