package org.pstngw.sip.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a message: start line, ordered header fields, body. {@link #build()} writes the bytes (with a Content-Length
 * equal to the body length) and indexes them; it does not check that mandatory headers are present.
 */
public final class SipMessageBuilder {
    private SipMethod method;
    private String requestUri;
    private int statusCode;
    private String reason;
    private final List<SipHeader> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private SipMessageBuilder() {}

    public static SipMessageBuilder request(SipMethod method, String requestUri) {
        SipMessageBuilder b = new SipMessageBuilder();
        b.method = method;
        b.requestUri = requestUri;
        return b;
    }

    public static SipMessageBuilder request(SipMethod method, Uri requestUri) {
        return request(method, requestUri.raw());
    }

    public static SipMessageBuilder response(int statusCode, String reason) {
        SipMessageBuilder b = new SipMessageBuilder();
        b.statusCode = statusCode;
        b.reason = reason;
        return b;
    }

    public static SipMessageBuilder response(SipStatus status) {
        return response(status.code(), status.reason());
    }

    static SipMessageBuilder from(SipMessage m) {
        SipMessageBuilder b = switch (m) {
            case SipRequest r -> request(r.method(), r.requestUriText());
            case SipResponse r -> response(r.statusCode(), r.reasonPhrase());
        };
        b.headers.addAll(m.headers());
        b.body = m.body();
        return b;
    }

    public boolean isRequest() {
        return method != null;
    }

    public SipMessageBuilder method(SipMethod m) {
        this.method = m;
        return this;
    }

    public SipMessageBuilder requestUri(String uri) {
        this.requestUri = uri;
        return this;
    }

    public SipMessageBuilder status(int code, String reasonPhrase) {
        this.statusCode = code;
        this.reason = reasonPhrase;
        return this;
    }

    /** Appends a field. */
    public SipMessageBuilder header(String name, String value) {
        headers.add(new SipHeader(name, value));
        return this;
    }

    /** Appends a field whose value is the text of {@code value}. */
    public SipMessageBuilder header(String name, Object value) {
        return header(name, value.toString());
    }

    /** Inserts a field before all others of the same name (e.g. a new top Via), or appends it. */
    public SipMessageBuilder prepend(String name, String value) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(name)) {
                headers.add(i, new SipHeader(name, value));
                return this;
            }
        }
        return header(name, value);
    }

    /** Replaces all fields named {@code name} with one field, at the place of the first. */
    public SipMessageBuilder set(String name, String value) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(name)) {
                headers.set(i, new SipHeader(name, value));
                for (int j = headers.size() - 1; j > i; j--) {
                    if (headers.get(j).is(name)) {
                        headers.remove(j);
                    }
                }
                return this;
            }
        }
        return header(name, value);
    }

    public SipMessageBuilder set(String name, Object value) {
        return set(name, value.toString());
    }

    /**
     * Replaces the first value of {@code name} with {@code value}: the first field's whole value, or, when that field
     * holds a comma-separated list (RFC 3261 7.3.1, e.g. {@code Via: a, b}), only its first element, keeping the rest
     * as written. Appends the field when there is none.
     */
    public SipMessageBuilder replaceFirstValue(String name, String value) {
        for (int i = 0; i < headers.size(); i++) {
            SipHeader h = headers.get(i);
            if (h.is(name)) {
                int comma = Lexer.firstListComma(h.value());
                String v = comma < 0 ? value : value + h.value().substring(comma);
                headers.set(i, new SipHeader(h.name(), v));
                return this;
            }
        }
        return header(name, value);
    }

    /** Removes all fields named {@code name}. */
    public SipMessageBuilder remove(String name) {
        headers.removeIf(h -> h.is(name));
        return this;
    }

    /** Removes the first field named {@code name} (e.g. the top Via of a response a proxy forwards). */
    public SipMessageBuilder removeFirst(String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(name)) {
                headers.remove(i);
                break;
            }
        }
        return this;
    }

    public List<SipHeader> headers() {
        return List.copyOf(headers);
    }

    public SipMessageBuilder body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** Sets the body and its Content-Type. */
    public SipMessageBuilder body(String contentType, byte[] bytes) {
        set(HeaderNames.CONTENT_TYPE, contentType);
        return body(bytes);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + headers.size() * 48 + body.length);
        String start = method != null
                ? method.name() + " " + requestUri + " SIP/2.0"
                : "SIP/2.0 " + statusCode + " " + (reason == null ? "" : reason);
        write(out, start);
        boolean clWritten = false;
        for (SipHeader h : headers) {
            if (h.is(HeaderNames.CONTENT_LENGTH)) {
                if (clWritten) {
                    continue;
                }
                clWritten = true;
                write(out, h.name() + ": " + body.length);
            } else {
                write(out, h.name() + ": " + h.value());
            }
        }
        if (!clWritten) {
            write(out, HeaderNames.CONTENT_LENGTH + ": " + body.length);
        }
        out.write('\r');
        out.write('\n');
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    /** The message; its fields are indexed but not validated. */
    public SipMessage build() {
        byte[] bytes = toBytes();
        return SipParser.unchecked(bytes);
    }

    public SipRequest buildRequest() {
        if (!(build() instanceof SipRequest r)) {
            throw new IllegalStateException("builder holds a response");
        }
        return r;
    }

    public SipResponse buildResponse() {
        if (!(build() instanceof SipResponse r)) {
            throw new IllegalStateException("builder holds a request");
        }
        return r;
    }
}
