package org.pstngw.sip.transaction.interim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A SIP message: header fields in order and a body. Immutable; changed by copying. */
public sealed interface SipMessage permits SipRequest, SipResponse {

    /** One header field as received or set (name as written, value trimmed). */
    record Field(String name, String value) {}

    /** Compact forms (RFC 3261 7.3.3 and extensions). */
    Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("v", "via"),
            Map.entry("f", "from"),
            Map.entry("t", "to"),
            Map.entry("i", "call-id"),
            Map.entry("m", "contact"),
            Map.entry("l", "content-length"),
            Map.entry("c", "content-type"),
            Map.entry("k", "supported"),
            Map.entry("e", "content-encoding"),
            Map.entry("s", "subject"));

    /** Headers whose values may be comma-separated lists (7.3.1). */
    List<String> LIST_HEADERS =
            List.of("via", "route", "record-route", "contact", "supported", "require", "allow", "unsupported");

    List<Field> fields();

    byte[] body();

    String startLine();

    static String canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return COMPACT.getOrDefault(n, n);
    }

    /** All values of the named header, list headers split at top-level commas. */
    default List<String> values(String name) {
        String wanted = canonical(name);
        List<String> out = new ArrayList<>();
        for (Field f : fields()) {
            if (canonical(f.name()).equals(wanted)) {
                if (LIST_HEADERS.contains(wanted)) {
                    out.addAll(splitList(f.value()));
                } else {
                    out.add(f.value());
                }
            }
        }
        return out;
    }

    /** The first value of the named header, or null. */
    default String value(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? null : v.getFirst();
    }

    /** Splits at commas outside quotes and angle brackets. */
    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                String part = value.substring(start, i).trim();
                if (!part.isEmpty()) {
                    out.add(part);
                }
                start = i + 1;
            }
        }
        String last = value.substring(start).trim();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /** The wire form; Content-Length is written from the body. */
    default byte[] encode() {
        StringBuilder sb = new StringBuilder(512).append(startLine()).append("\r\n");
        for (Field f : fields()) {
            if (!canonical(f.name()).equals("content-length")) {
                sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
            }
        }
        sb.append("Content-Length: ").append(body().length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length() + body().length);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body());
        return out.toByteArray();
    }
}
