package org.pstngw.tdm.pseudowire;

/**
 * A snapshot of one pseudowire's counters, consistent as of the end of one block.
 *
 * @param packetsSent packets handed to the socket
 * @param sendFailures packets the socket refused (buffer full or error)
 * @param packetsReceived well-formed packets received
 * @param receiveFailures socket errors on receive at the span's UDP port (shared by the spans on that port)
 * @param malformed packets dropped as malformed
 * @param playouts packet intervals played out so far (played, lost or filling)
 * @param played packets played out in order
 * @param lost packets missing at their playout time (filled)
 * @param late packets that arrived after their playout time (dropped)
 * @param duplicates packets received twice (dropped)
 * @param overflows jitter buffer resynchronisations on a confirmed sequence jump
 * @param underruns returns to filling after a ring's worth of loss
 * @param strays packets dropped for a sequence number far off that the next packet did not confirm
 * @param fillLevel packets waiting in the jitter buffer now
 * @param arrivalPpm far end's clock offset estimated from arrival times
 * @param fillPpm far end's clock offset estimated from the jitter buffer fill (PI integral)
 * @param correctionPpm rate correction the clock recovery applies (line timing) or would apply (internal)
 * @param slips controlled frame slips of the span's timing against the frame clock (frames run more or fewer to
 *     follow the far end), each counted once
 * @param slipFrames net frames the span ran beyond the frame clock: positive when the far end is fast
 * @param rebuffers times a late packet showed the jitter buffer's margin gone and playout was held (filled, not
 *     counted as lost) until the buffer's depth was waiting again: one controlled slip each
 */
public record PwLinkStats(
        long packetsSent,
        long sendFailures,
        long packetsReceived,
        long receiveFailures,
        long malformed,
        long playouts,
        long played,
        long lost,
        long late,
        long duplicates,
        long overflows,
        long underruns,
        long strays,
        int fillLevel,
        double arrivalPpm,
        double fillPpm,
        double correctionPpm,
        long slips,
        long slipFrames,
        long rebuffers) {}
