package org.pstngw.sip.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses one SIP message from bytes (RFC 3261 7, 25). One pass indexes the start line and header fields without
 * building strings; then the fields a transaction layer needs (Via, From, To, Call-ID, CSeq, Max-Forwards,
 * Content-Length) are checked. Never throws on bad input: the result is {@link ParseResult.Malformed}.
 *
 * <p>Datagram rules (RFC 3261 18.3): without Content-Length the body is the rest of the datagram; with it, octets past
 * the body are ignored and a Content-Length larger than what arrived is an error.
 */
public final class SipParser {
    private SipParser() {}

    public static ParseResult parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length, SipLimits.DEFAULT);
    }

    public static ParseResult parse(byte[] bytes, int offset, int length) {
        return parse(bytes, offset, length, SipLimits.DEFAULT);
    }

    public static ParseResult parse(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return parse(a, 0, a.length, SipLimits.DEFAULT);
    }

    public static ParseResult parse(byte[] bytes, int offset, int length, SipLimits limits) {
        return parse(bytes, offset, length, limits, false);
    }

    static ParseResult parse(byte[] bytes, int offset, int length, SipLimits limits, boolean stream) {
        if (length > limits.maxMessageSize()) {
            return new ParseResult.Malformed(
                    "message of " + length + " bytes exceeds limit " + limits.maxMessageSize(),
                    413,
                    looksLikeRequest(bytes, offset, length),
                    null);
        }
        Indexer ix = new Indexer(bytes, offset, offset + length, limits);
        ix.run();
        if (ix.error != null) {
            return ix.malformed(ix.error, ix.errorStatus);
        }
        return Validator.validate(ix, stream);
    }

    private static boolean looksLikeRequest(byte[] b, int off, int len) {
        return len < 4 || !(b[off] == 'S' && b[off + 1] == 'I' && b[off + 2] == 'P' && b[off + 3] == '/');
    }

    /** Indexes bytes built by {@link SipMessageBuilder} without checking them. */
    static SipMessage unchecked(byte[] bytes) {
        Indexer ix = new Indexer(
                bytes, 0, bytes.length, new SipLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        ix.run();
        if (ix.error != null) {
            throw new IllegalArgumentException("cannot build message: " + ix.error);
        }
        SipMessage m = ix.message(ix.bodyEndFromContentLength());
        if (m == null) {
            throw new IllegalArgumentException("cannot build message: bad start line " + ix.startLineText());
        }
        return m;
    }

    /** One pass over the bytes: start line end, header name/value offsets, body start. */
    static final class Indexer {
        final byte[] in;
        final int end;
        final SipLimits limits;
        int start;
        int startLineEnd;
        int[] idx = new int[5 * 16];
        int count;
        int bodyStart = -1;
        final HeaderCensus census = new HeaderCensus();
        String error;
        int errorStatus = 400;

        Indexer(byte[] in, int off, int end, SipLimits limits) {
            this.in = in;
            this.start = off;
            this.end = end;
            this.limits = limits;
        }

        private int lineEnd(int p) {
            return Bytes.indexOf(in, '\n', p, end);
        }

        void run() {
            int p = start;
            while (p < end && (in[p] == '\r' || in[p] == '\n')) {
                p++;
            }
            start = p;
            int lf = lineEnd(p);
            if (lf < 0) {
                error = p == end ? "empty message" : "start line not terminated by CRLF";
                return;
            }
            startLineEnd = lf > p && in[lf - 1] == '\r' ? lf - 1 : lf;
            if (startLineEnd - p > limits.maxLineLength()) {
                error = "start line longer than " + limits.maxLineLength();
                errorStatus = 414;
                return;
            }
            p = lf + 1;
            while (true) {
                if (p >= end) {
                    error = "header section not terminated by an empty line";
                    return;
                }
                if (in[p] == '\n' || (in[p] == '\r' && p + 1 < end && in[p + 1] == '\n')) {
                    bodyStart = in[p] == '\n' ? p + 1 : p + 2;
                    return;
                }
                // name, blanks, colon, blanks: none of them is a LF, so the line's LF is the first one after them
                int n = p;
                while (n < end && isTokenByte(in[n])) {
                    n++;
                }
                int c = n;
                while (c < end && (in[c] == ' ' || in[c] == '\t')) {
                    c++;
                }
                int v = c;
                if (c < end && in[c] == ':') {
                    v = c + 1;
                    while (v < end && (in[v] == ' ' || in[v] == '\t')) {
                        v++;
                    }
                }
                lf = lineEnd(v);
                if (lf < 0) {
                    error = "header section not terminated by an empty line";
                    return;
                }
                int le = lf > p && in[lf - 1] == '\r' ? lf - 1 : lf;
                if (le - p > limits.maxLineLength()) {
                    error = "header line longer than " + limits.maxLineLength();
                    return;
                }
                if (in[p] == ' ' || in[p] == '\t') {
                    if (count == 0) {
                        error = "continuation line before the first header";
                        return;
                    }
                    int k = (count - 1) * 5;
                    int e = trimEnd(p, le);
                    if (e > p) {
                        idx[k + 3] = e;
                        idx[k + 4] = 1;
                    }
                } else {
                    if (n == p || c >= le || in[c] != ':') {
                        error = "malformed header line: "
                                + new String(in, p, Math.min(le - p, 60), StandardCharsets.UTF_8);
                        return;
                    }
                    if (count == limits.maxHeaders()) {
                        error = "more than " + limits.maxHeaders() + " header fields";
                        return;
                    }
                    if (idx.length < (count + 1) * 5) {
                        idx = Arrays.copyOf(idx, idx.length * 2);
                    }
                    int k = count * 5;
                    idx[k] = p;
                    idx[k + 1] = n;
                    idx[k + 2] = v;
                    idx[k + 3] = trimEnd(v, le);
                    idx[k + 4] = 0;
                    census.add(count, in, p, n - p);
                    count++;
                }
                p = lf + 1;
            }
        }

        private int trimEnd(int from, int e) {
            while (e > from && (in[e - 1] == ' ' || in[e - 1] == '\t')) {
                e--;
            }
            return e;
        }

        static boolean isTokenByte(byte b) {
            return Lexer.isTokenByte(b);
        }

        String startLineText() {
            return new String(in, start, startLineEnd - start, StandardCharsets.UTF_8);
        }

        int bodyEndFromContentLength() {
            int bs = bodyStart < 0 ? end : bodyStart;
            return bs + contentLengthOr(end - bs);
        }

        int contentLengthOr(int dflt) {
            int i = census.contentLength;
            if (i < 0) {
                return dflt;
            }
            long v = 0;
            for (int j = idx[i * 5 + 2]; j < idx[i * 5 + 3]; j++) {
                v = v * 10 + (in[j] - '0');
            }
            return (int) v;
        }

        /** A view of the indexed input (offsets into {@link #in}), for checks before the message is cut out. */
        Wire wire() {
            return new Wire(in, 0, idx, count, 0, 0, census);
        }

        /** Copies the message bytes out and builds the message, or null when the start line does not parse. */
        SipMessage message(int bodyEnd) {
            return message(bodyEnd, StartLine.parse(in, start, startLineEnd));
        }

        SipMessage message(int bodyEnd, StartLine sl) {
            if (sl.error() != null) {
                return null;
            }
            byte[] copy = Arrays.copyOfRange(in, start, bodyEnd);
            int[] rel = idx;
            if (start != 0) {
                rel = Arrays.copyOf(idx, count * 5);
                for (int i = 0; i < count; i++) {
                    int k = i * 5;
                    for (int j = 0; j < 4; j++) {
                        rel[k + j] -= start;
                    }
                }
            }
            int bs = bodyStart < 0 ? bodyEnd : bodyStart;
            Wire w = new Wire(copy, startLineEnd - start, rel, count, bs - start, bodyEnd - start, census);
            int ts = sl.textStart() - start;
            int te = sl.textEnd() - start;
            return sl.method() != null
                    ? new SipRequest(w, sl.method(), ts, te)
                    : new SipResponse(w, sl.status(), ts, te);
        }

        ParseResult.Malformed malformed(String reason, int status) {
            boolean request = !(startLineEnd - start >= 4
                    && in[start] == 'S'
                    && in[start + 1] == 'I'
                    && in[start + 2] == 'P'
                    && in[start + 3] == '/');
            return new ParseResult.Malformed(reason, status, request, request ? Partial.of(this) : null);
        }
    }
}
