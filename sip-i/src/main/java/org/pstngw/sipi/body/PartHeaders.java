package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A body part's Content-Type and Content-Disposition, parsed from the body's octets. Recent values are kept by their
 * octets (a peer sends the same few spellings over and over), so a value seen before costs a hash and a comparison, no
 * String; a new one is scanned from its octets ({@link MediaTypeScanner}) or parsed as text. Entries are immutable
 * and published racily: a race costs a parse, never a wrong result.
 */
final class PartHeaders {
    private static final int SLOTS = 64;
    private static final int MAX_KEPT = 256;
    private static final Entry[] CACHE = new Entry[SLOTS];
    /** RFC 2046 5.1: a part without Content-Type is text/plain. */
    private static final Optional<MediaType> TEXT_PLAIN = MediaType.parseUncached("text/plain");

    private PartHeaders() {}

    /**
     * One value: its octets, their hash, the value parsed and, once the value was read as a Content-Disposition, what
     * it says (null before).
     */
    @SuppressWarnings("ArrayRecordComponent") // internal, never compared or printed: the octets are compared by hand
    private record Entry(byte[] octets, int hash, Optional<MediaType> parsed, Disposition disposition) {}

    /** The part's Content-Type (its first, case-insensitive), text/plain when it has none. */
    static Optional<MediaType> contentType(MultipartReader.Part p) {
        int h = p.header("Content-Type");
        return h < 0 ? TEXT_PLAIN : parse(p.body(), h);
    }

    /** The part's Content-Disposition as the receiver applies it, defaults by {@code contentType} included. */
    static Disposition disposition(MultipartReader.Part p, Optional<MediaType> contentType) {
        int h = p.header("Content-Disposition");
        if (h < 0) {
            return Disposition.from(Optional.empty(), contentType);
        }
        Entry e = entry(p.body(), h);
        if (e.disposition != null) {
            return e.disposition;
        }
        Disposition d = Disposition.from(e.parsed, contentType);
        if (e.parsed.isPresent() && e.octets != null) { // then d does not depend on the content type
            CACHE[e.hash & (SLOTS - 1)] = new Entry(e.octets, e.hash, e.parsed, d);
        }
        return d;
    }

    private static Optional<MediaType> parse(MultipartReader r, int h) {
        return entry(r, h).parsed;
    }

    /** The entry for header {@code h}'s value: the cached one, or a new one (cached unless folded or long). */
    private static Entry entry(MultipartReader r, int h) {
        String folded = r.folded(h);
        if (folded != null) {
            return new Entry(null, 0, MediaType.parse(folded), null);
        }
        byte[] b = r.body();
        int from = r.valueFrom(h);
        int to = r.valueTo(h);
        int hash = ByteSearch.hash(b, from, to);
        int slot = hash & (SLOTS - 1);
        Entry e = CACHE[slot];
        if (e != null && e.hash == hash && Arrays.equals(e.octets, 0, e.octets.length, b, from, to)) {
            return e;
        }
        Optional<MediaType> parsed = MediaTypeScanner.scan(b, from, to);
        if (parsed == null) {
            parsed = MediaType.parseUncached(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        if (to - from > MAX_KEPT) {
            return new Entry(null, hash, parsed, null);
        }
        e = new Entry(Arrays.copyOfRange(b, from, to), hash, parsed, null);
        CACHE[slot] = e;
        return e;
    }
}
