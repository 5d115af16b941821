package org.pstngw.sip.transaction.interim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pstngw.sip.transport.StreamFraming;

/**
 * Splits bytes into a {@link SipMessage}, checking what the stack relies on (7.1, 7.2, 8.1.1): the start line, the
 * mandatory To, From, Call-ID, CSeq (number and method matching a request's) and Via, and Content-Length against the
 * body. A defect is a result naming it, never an exception.
 */
public final class MessageSplitter {
    private MessageSplitter() {}

    /** The outcome of splitting. */
    public sealed interface Result {
        record Parsed(SipMessage message) implements Result {}

        /**
         * A defect, named.
         *
         * @param reason what is wrong, for the 400 reason phrase or the log
         * @param partial the request as far as it could be read (for addressing the 400), or null
         */
        record Malformed(String reason, boolean request, SipRequest partial) implements Result {}
    }

    private static final int MAX_HEADERS = 200;

    public static Result split(byte[] bytes) {
        int end = headerEnd(bytes, 0, bytes.length);
        if (end < 0) {
            return new Result.Malformed("No empty line after the headers", looksLikeRequest(bytes), null);
        }
        String head = new String(bytes, 0, end, StandardCharsets.UTF_8);
        String[] lines = head.split("\r\n", -1);
        String start = lines[0];
        boolean isResponse = start.startsWith("SIP/2.0 ");
        List<SipMessage.Field> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                SipMessage.Field last = fields.removeLast();
                fields.add(new SipMessage.Field(last.name(), last.value() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !token(line.substring(0, colon).trim())) {
                return malformed(!isResponse, start, fields, "Malformed header line " + (i + 1));
            }
            fields.add(new SipMessage.Field(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            if (fields.size() > MAX_HEADERS) {
                return malformed(!isResponse, start, fields, "More than " + MAX_HEADERS + " headers");
            }
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        SipMessage message;
        if (isResponse) {
            String[] parts = start.split(" ", 3);
            if (parts.length < 2 || !parts[1].matches("[1-6]\\d\\d")) {
                return new Result.Malformed("Bad status line", false, null);
            }
            message = new SipResponse(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", fields, body);
        } else {
            String[] parts = start.split(" ", -1);
            if (parts.length != 3 || !token(parts[0]) || !"SIP/2.0".equals(parts[2]) || !parts[1].contains(":")) {
                return new Result.Malformed("Bad request line", true, null);
            }
            message = new SipRequest(parts[0], parts[1], fields, body);
        }
        String defect = defect(message, body.length);
        if (defect != null) {
            return message instanceof SipRequest r
                    ? new Result.Malformed(defect, true, r)
                    : new Result.Malformed(defect, false, null);
        }
        return new Result.Parsed(message);
    }

    private static Result malformed(boolean request, String start, List<SipMessage.Field> fields, String why) {
        SipRequest partial = null;
        String[] parts = start.split(" ", -1);
        if (request && parts.length == 3) {
            partial = new SipRequest(parts[0], parts[1], fields, new byte[0]);
        }
        return new Result.Malformed(why, request, partial);
    }

    private static String defect(SipMessage m, int bodyLength) {
        for (String h : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            if (m.value(h) == null || m.value(h).isEmpty()) {
                return "Missing " + h + " header";
            }
        }
        String[] cseq = m.value("CSeq").trim().split("\\s+", -1);
        if (cseq.length != 2 || !cseq[0].matches("\\d{1,10}") || Long.parseLong(cseq[0]) > 0xFFFFFFFFL) {
            return "Malformed CSeq header";
        }
        if (m instanceof SipRequest r && !cseq[1].equals(r.method())) {
            return "CSeq method does not match the request method";
        }
        if (!m.value("Via").startsWith("SIP/2.0/")) {
            return "Malformed Via header";
        }
        String length = m.value("Content-Length");
        if (length != null) {
            if (!length.matches("\\d{1,9}")) {
                return "Malformed Content-Length header";
            }
            if (Integer.parseInt(length) > bodyLength) {
                return "Content-Length larger than the body";
            }
        }
        if (m instanceof SipRequest r
                && m.value("Max-Forwards") != null
                && !m.value("Max-Forwards").matches("\\d{1,3}")) {
            return "Malformed Max-Forwards header " + r.method();
        }
        return null;
    }

    private static boolean token(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-.!%*_+`'~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeRequest(byte[] bytes) {
        return !(bytes.length >= 4 && bytes[0] == 'S' && bytes[1] == 'I' && bytes[2] == 'P' && bytes[3] == '/');
    }

    /** The index of the CRLFCRLF that ends the header, or -1. */
    static int headerEnd(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Stream framing (18.3): the header up to the empty line, then Content-Length bytes of body (mandatory). */
    public static final StreamFraming FRAMING = (ByteBuffer view, int max) -> {
        int start = view.position();
        int limit = view.limit();
        int end = -1;
        for (int i = start; i + 3 < limit; i++) {
            if (view.get(i) == '\r' && view.get(i + 1) == '\n' && view.get(i + 2) == '\r' && view.get(i + 3) == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return limit - start > max
                    ? new StreamFraming.Frame.Invalid("header larger than " + max + " bytes")
                    : new StreamFraming.Frame.Incomplete();
        }
        byte[] head = new byte[end - start];
        view.get(start, head);
        int contentLength = -1;
        for (String line : new String(head, StandardCharsets.UTF_8).split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = SipMessage.canonical(line.substring(0, colon));
                if (name.equals("content-length")) {
                    String v = line.substring(colon + 1).trim();
                    if (!v.matches("\\d{1,9}")) {
                        return new StreamFraming.Frame.Invalid("bad Content-Length " + v.toLowerCase(Locale.ROOT));
                    }
                    contentLength = Integer.parseInt(v);
                }
            }
        }
        if (contentLength < 0) {
            return new StreamFraming.Frame.Invalid("no Content-Length on a stream transport");
        }
        int total = end - start + 4 + contentLength;
        if (total > max) {
            return new StreamFraming.Frame.Invalid("message of " + total + " bytes above " + max);
        }
        return limit - start >= total ? new StreamFraming.Frame.Complete(total) : new StreamFraming.Frame.Incomplete();
    };
}
