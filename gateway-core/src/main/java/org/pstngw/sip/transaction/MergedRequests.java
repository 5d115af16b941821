package org.pstngw.sip.transaction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.timer.Clock;

/**
 * Merged-request detection, RFC 3261 8.2.2.2: a request without To tag whose From tag, Call-ID and CSeq match a
 * request already being processed, but which arrived through another transaction (another branch), was forked and
 * merged on its way; the UAS answers it 482 (Loop Detected). Entries expire after 64*T1, and the table is bounded.
 */
public final class MergedRequests {
    private final Clock clock;
    private final long ttlNanos;
    private final int limit;
    private final LinkedHashMap<String, Entry> seen = new LinkedHashMap<>();

    private record Entry(TransactionKey transaction, long at) {}

    public MergedRequests(Clock clock, Duration ttl, int limit) {
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.limit = limit;
    }

    /**
     * Records the request and says whether it is a merged duplicate.
     *
     * @return true if another transaction already carries the same From tag, Call-ID and CSeq (answer 482)
     */
    public boolean isMerged(String fromTag, String callId, long cseq, SipMethod method, TransactionKey transaction) {
        long now = clock.nanoTime();
        expire(now);
        String id = fromTag + "|" + callId + "|" + cseq + "|" + method;
        Entry previous = seen.get(id);
        if (previous != null) {
            return !previous.transaction().equals(transaction);
        }
        seen.put(id, new Entry(transaction, now));
        if (seen.size() > limit) {
            var it = seen.entrySet().iterator();
            it.next();
            it.remove();
        }
        return false;
    }

    private void expire(long now) {
        var it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (now - e.getValue().at() < ttlNanos) {
                return;
            }
            it.remove();
        }
    }

    public int size() {
        return seen.size();
    }
}
