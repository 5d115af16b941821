package org.pstngw.sip.message;

/**
 * Where the header fields that the parser checks and a transaction layer reads are: the first index and the count of
 * Via, From, To, Call-ID, CSeq, Contact, Content-Length, and the first Max-Forwards, Expires and Date. Filled by the
 * indexer as it meets each field name (long or compact form, any case), so no accessor scans the names again.
 */
final class HeaderCensus {
    int via = -1;
    int from = -1;
    int fromCount;
    int to = -1;
    int toCount;
    int callId = -1;
    int callIdCount;
    int cseq = -1;
    int cseqCount;
    int contact = -1;
    int contentLength = -1;
    int contentLengthCount;
    int maxForwards = -1;
    int expires = -1;
    int date = -1;

    /** Counts field {@code i}, whose name is {@code b[s, s + len)}. */
    void add(int i, byte[] b, int s, int len) {
        int c = b[s] | 0x20;
        switch (len) {
            case 1 -> compact(c, i);
            case 2 -> {
                if (Bytes.isIgnoreCase(b, s, s + len, HeaderNames.TO)) {
                    to = to < 0 ? i : to;
                    toCount++;
                }
            }
            case 3 -> {
                if (via < 0 && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.VIA)) {
                    via = i;
                }
            }
            case 4 -> {
                if (c == 'f' && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.FROM)) {
                    from = from < 0 ? i : from;
                    fromCount++;
                } else if (c == 'c' && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.CSEQ)) {
                    cseq = cseq < 0 ? i : cseq;
                    cseqCount++;
                } else if (c == 'd' && date < 0 && Bytes.isIgnoreCase(b, s, s + len, "Date")) {
                    date = i;
                }
            }
            case 7 -> {
                if (c == 'c' && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.CALL_ID)) {
                    callId = callId < 0 ? i : callId;
                    callIdCount++;
                } else if (c == 'c' && contact < 0 && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.CONTACT)) {
                    contact = i;
                } else if (c == 'e' && expires < 0 && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.EXPIRES)) {
                    expires = i;
                }
            }
            case 12 -> {
                if (maxForwards < 0 && Bytes.isIgnoreCase(b, s, s + len, HeaderNames.MAX_FORWARDS)) {
                    maxForwards = i;
                }
            }
            case 14 -> {
                if (Bytes.isIgnoreCase(b, s, s + len, HeaderNames.CONTENT_LENGTH)) {
                    contentLength = contentLength < 0 ? i : contentLength;
                    contentLengthCount++;
                }
            }
            default -> {}
        }
    }

    private void compact(int c, int i) {
        switch (c) {
            case 'v' -> via = via < 0 ? i : via;
            case 'f' -> {
                from = from < 0 ? i : from;
                fromCount++;
            }
            case 't' -> {
                to = to < 0 ? i : to;
                toCount++;
            }
            case 'i' -> {
                callId = callId < 0 ? i : callId;
                callIdCount++;
            }
            case 'm' -> contact = contact < 0 ? i : contact;
            case 'l' -> {
                contentLength = contentLength < 0 ? i : contentLength;
                contentLengthCount++;
            }
            default -> {}
        }
    }
}
