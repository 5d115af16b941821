package org.pstngw.sip.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where the header fields that the parser checks and a transaction layer reads are: the first index and the count of
 * Via, From, To, Call-ID, CSeq, Contact, Content-Length, and the first Max-Forwards, Expires and Date. Filled by the
 * indexer as it meets each field name (long or compact form, any case), so no accessor scans the names again.
 *
 * <p>A name is compared eight bytes at a time: a field name is a token, and on token bytes {@code | 0x20} changes
 * letters to lower case and nothing else, so the lower-cased words of the name equal those of a known name exactly when
 * the names are equal ignoring case.
 */
final class HeaderCensus {
    int via = -1;
    int viaCount;
    int from = -1;
    int fromCount;
    int to = -1;
    int toCount;
    int callId = -1;
    int callIdCount;
    int cseq = -1;
    int cseqCount;
    int contact = -1;
    int contactCount;
    int contentLength = -1;
    int contentLengthCount;
    int maxForwards = -1;
    int expires = -1;
    int date = -1;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOWER = 0x2020202020202020L;

    private static final long VIA = word("via");
    private static final long TO = word("to");
    private static final long FROM = word("from");
    private static final long CSEQ = word("cseq");
    private static final long DATE = word("date");
    private static final long CALL_ID = word("call-id");
    private static final long CONTACT = word("contact");
    private static final long EXPIRES = word("expires");
    private static final long MAX_FORW = word("max-forw");
    private static final long ARDS = word("ards");
    private static final long CONTENT_ = word("content-");
    private static final long LENGTH = word("length");

    /** The lower-case ASCII {@code name} (at most eight bytes) as {@link #word(byte[], int, int)} reads it. */
    private static long word(String name) {
        long w = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            w = (w << 8) | (name.charAt(i) | 0x20);
        }
        return w;
    }

    /** The token {@code b[s, s + len)} (len 1 to 8), lower-cased, little-endian, zero past its end. */
    private static long word(byte[] b, int s, int len) {
        long w;
        if (s + 8 <= b.length) {
            w = (long) LONGS.get(b, s) | LOWER;
        } else {
            w = 0;
            for (int i = Math.min(len, b.length - s) - 1; i >= 0; i--) {
                w = (w << 8) | (b[s + i] | 0x20);
            }
        }
        return len >= 8 ? w : w & ((1L << (len << 3)) - 1);
    }

    /** Counts field {@code i}, whose name is the token {@code b[s, s + len)}. */
    void add(int i, byte[] b, int s, int len) {
        if (len > 14) {
            return;
        }
        long w = word(b, s, Math.min(len, 8));
        switch (len) {
            case 1 -> compact((int) w, i);
            case 2 -> {
                if (w == TO) {
                    to = to < 0 ? i : to;
                    toCount++;
                }
            }
            case 3 -> {
                if (w == VIA) {
                    via = via < 0 ? i : via;
                    viaCount++;
                }
            }
            case 4 -> {
                if (w == FROM) {
                    from = from < 0 ? i : from;
                    fromCount++;
                } else if (w == CSEQ) {
                    cseq = cseq < 0 ? i : cseq;
                    cseqCount++;
                } else if (w == DATE && date < 0) {
                    date = i;
                }
            }
            case 7 -> {
                if (w == CALL_ID) {
                    callId = callId < 0 ? i : callId;
                    callIdCount++;
                } else if (w == CONTACT) {
                    contact = contact < 0 ? i : contact;
                    contactCount++;
                } else if (w == EXPIRES && expires < 0) {
                    expires = i;
                }
            }
            case 12 -> {
                if (w == MAX_FORW && maxForwards < 0 && word(b, s + 8, 4) == ARDS) {
                    maxForwards = i;
                }
            }
            case 14 -> {
                if (w == CONTENT_ && word(b, s + 8, 6) == LENGTH) {
                    contentLength = contentLength < 0 ? i : contentLength;
                    contentLengthCount++;
                }
            }
            default -> {}
        }
    }

    private void compact(int c, int i) {
        switch (c) {
            case 'v' -> {
                via = via < 0 ? i : via;
                viaCount++;
            }
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
            case 'm' -> {
                contact = contact < 0 ? i : contact;
                contactCount++;
            }
            case 'l' -> {
                contentLength = contentLength < 0 ? i : contentLength;
                contentLengthCount++;
            }
            default -> {}
        }
    }
}
