package org.pstngw.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message body as the application sees it: its Content-Type (with parameters, e.g. a multipart boundary) and its
 * bytes. SIP-I bodies (multipart/mixed with SDP and ISUP parts) travel through the stack as they are.
 *
 * @param contentType the full Content-Type value
 * @param bytes the body bytes
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, equals and hashCode by content
public record Body(String contentType, byte[] bytes) {
    public Body {
        Objects.requireNonNull(contentType, "contentType");
        bytes = bytes.clone();
    }

    /** An application/sdp body. */
    public static Body sdp(String sdp) {
        return new Body("application/sdp", sdp.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The body decoded as UTF-8 (for textual bodies). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && contentType.equals(b.contentType) && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return contentType.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Body[" + contentType + ", " + bytes.length + " bytes]";
    }
}
