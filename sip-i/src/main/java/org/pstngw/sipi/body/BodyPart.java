package org.pstngw.sipi.body;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One part of a multipart body: its headers in order and its content, binary-safe.
 *
 * @param headers (name, value) pairs as they appeared ({@link Multipart#build} refuses names and values that would
 *     break the header section: an empty name, a colon in a name, CR or LF anywhere)
 */
@SuppressWarnings("ArrayRecordComponent") // array-aware equals/hashCode below
public record BodyPart(List<Map.Entry<String, String>> headers, byte[] content) {
    public BodyPart {
        headers = List.copyOf(headers);
        content = content.clone();
    }

    public static BodyPart of(String contentType, String contentDisposition, byte[] content) {
        return new BodyPart(
                contentDisposition == null
                        ? List.of(Map.entry("Content-Type", contentType))
                        : List.of(
                                Map.entry("Content-Type", contentType),
                                Map.entry("Content-Disposition", contentDisposition)),
                content);
    }

    /** The first header of that name (case-insensitive). */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Content type per RFC 2046 5.1: text/plain when absent; the type and subtype lower-cased, the parameters as they
     * are (a boundary is case-sensitive).
     */
    public String contentType() {
        String v = header("Content-Type").orElse("text/plain");
        int semi = v.indexOf(';');
        return semi < 0
                ? v.toLowerCase(Locale.ROOT)
                : v.substring(0, semi).toLowerCase(Locale.ROOT) + v.substring(semi);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    byte[] raw() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyPart p && p.headers.equals(headers) && Arrays.equals(p.content, content);
    }

    @Override
    public int hashCode() {
        return headers.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "BodyPart" + headers + "(" + content.length + " octets)";
    }
}
