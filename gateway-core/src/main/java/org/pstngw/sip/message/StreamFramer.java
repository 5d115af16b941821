package org.pstngw.sip.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a TCP/TLS byte stream into SIP messages (RFC 3261 18.3): bytes go in as they arrive, complete messages come
 * out. CRLFs between messages are skipped and a double-CRLF keep-alive (RFC 5626 4.4.1) is counted in {@link #pings()}.
 * Content-Length is mandatory. A framing error (no Content-Length, oversize message, too long a header section) is
 * reported once as {@link ParseResult.Malformed}; the framer is then {@link #failed()} and ignores further input, as
 * the stream has lost its framing and should be closed. Not thread-safe: one per connection.
 */
public final class StreamFramer {
    private final SipLimits limits;
    private byte[] buf = new byte[4096];
    private int len;
    private int scanFrom;
    private int crlfRun;
    private long pings;
    private boolean failed;

    public StreamFramer() {
        this(SipLimits.DEFAULT);
    }

    public StreamFramer(SipLimits limits) {
        this.limits = limits;
    }

    public List<ParseResult> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<ParseResult> feed(ByteBuffer buffer) {
        byte[] a = new byte[buffer.remaining()];
        buffer.get(a);
        return feed(a, 0, a.length);
    }

    /** Adds bytes; returns the messages (or the one framing error) they completed, in order. */
    public List<ParseResult> feed(byte[] bytes, int off, int n) {
        if (failed) {
            return List.of();
        }
        List<ParseResult> out = new ArrayList<>(1);
        int p = off;
        int end = off + n;
        if (len == 0) {
            while (p < end && (bytes[p] == '\r' || bytes[p] == '\n')) {
                keepAlive(bytes[p]);
                p++;
            }
        }
        append(bytes, p, end - p);
        while (len > 0 && !failed) {
            if (!frameOne(out)) {
                break;
            }
        }
        return out;
    }

    private void keepAlive(byte b) {
        if (b == '\n') {
            crlfRun++;
            if (crlfRun == 2) {
                pings++;
                crlfRun = 0;
            }
        }
    }

    private void append(byte[] bytes, int off, int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
        System.arraycopy(bytes, off, buf, len, n);
        len += n;
    }

    private boolean frameOne(List<ParseResult> out) {
        int lead = 0;
        while (lead < len && (buf[lead] == '\r' || buf[lead] == '\n')) {
            keepAlive(buf[lead]);
            lead++;
        }
        if (lead > 0) {
            consume(lead);
            if (len == 0) {
                return false;
            }
        }
        crlfRun = 0;
        int headerEnd = findHeaderEnd();
        if (headerEnd < 0) {
            if (len > limits.maxMessageSize()) {
                fail(out, "header section exceeds " + limits.maxMessageSize() + " bytes", 413);
            }
            return false;
        }
        SipParser.Indexer ix = new SipParser.Indexer(buf, 0, headerEnd, limits);
        ix.run();
        if (ix.error != null) {
            out.add(ix.malformed(ix.error, ix.errorStatus));
            failed = true;
            return false;
        }
        int cl = ix.census.contentLength;
        if (cl < 0) {
            out.add(ix.malformed("missing Content-Length on a stream transport", 400));
            failed = true;
            return false;
        }
        Wire w = ix.wire();
        String v = w.value(cl).strip();
        if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            out.add(ix.malformed("invalid Content-Length " + v, 400));
            failed = true;
            return false;
        }
        long total = (long) headerEnd + Integer.parseInt(v);
        if (total > limits.maxMessageSize()) {
            fail(out, "message of " + total + " bytes exceeds limit " + limits.maxMessageSize(), 413);
            return false;
        }
        if (len < total) {
            return false;
        }
        out.add(SipParser.parse(buf, 0, (int) total, limits, true));
        consume((int) total);
        return true;
    }

    private void fail(List<ParseResult> out, String reason, int status) {
        boolean request = !(len >= 4 && buf[0] == 'S' && buf[1] == 'I' && buf[2] == 'P' && buf[3] == '/');
        out.add(new ParseResult.Malformed(reason, status, request, null));
        failed = true;
        len = 0;
    }

    /** The index just past the empty line that ends the header section, or -1. */
    private int findHeaderEnd() {
        for (int i = Math.max(scanFrom, 1); i < len; i++) {
            if (buf[i] == '\n') {
                if (buf[i - 1] == '\n') {
                    scanFrom = 0;
                    return i + 1;
                }
                if (i >= 2 && buf[i - 1] == '\r' && buf[i - 2] == '\n') {
                    scanFrom = 0;
                    return i + 1;
                }
            }
        }
        scanFrom = Math.max(len - 2, 0);
        return -1;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
        scanFrom = 0;
    }

    /** Keep-alive pings (double CRLF) seen so far; answer each with a single CRLF pong. */
    public long pings() {
        return pings;
    }

    /** True after a framing error: close the connection. */
    public boolean failed() {
        return failed;
    }

    /** Bytes held waiting for the rest of a message. */
    public int buffered() {
        return len;
    }
}
