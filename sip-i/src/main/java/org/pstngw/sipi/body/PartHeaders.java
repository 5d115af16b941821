package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A body part's Content-Type and Content-Disposition, parsed from the body's octets. Recent values are kept by their
 * octets (a peer sends the same few spellings over and over), so a value seen before costs a hash and a comparison, no
 * String; a new one is parsed as {@link MediaType#parse} parses its text. Entries are immutable and published
 * racily: a race costs a parse, never a wrong result.
 */
final class PartHeaders {
    private static final int SLOTS = 64;
    private static final int MAX_KEPT = 256;
    private static final Entry[] CACHE = new Entry[SLOTS];
    /** RFC 2046 5.1: a part without Content-Type is text/plain. */
    private static final Optional<MediaType> TEXT_PLAIN = MediaType.parseUncached("text/plain");

    private PartHeaders() {}

    private record Entry(byte[] octets, int hash, Optional<MediaType> parsed) {}

    /** The part's Content-Type (its first, case-insensitive), text/plain when it has none. */
    static Optional<MediaType> contentType(MultipartReader.Part p) {
        int h = p.header("Content-Type");
        return h < 0 ? TEXT_PLAIN : parse(p.body(), h);
    }

    /** The part's Content-Disposition, empty when it has none or it is malformed. */
    static Optional<MediaType> contentDisposition(MultipartReader.Part p) {
        int h = p.header("Content-Disposition");
        return h < 0 ? Optional.empty() : parse(p.body(), h);
    }

    private static Optional<MediaType> parse(MultipartReader r, int h) {
        String folded = r.folded(h);
        if (folded != null) {
            return MediaType.parse(folded);
        }
        byte[] b = r.body();
        int from = r.valueFrom(h);
        int to = r.valueTo(h);
        int hash = ByteSearch.hash(b, from, to);
        int slot = hash & (SLOTS - 1);
        Entry e = CACHE[slot];
        if (e != null && e.hash == hash && Arrays.equals(e.octets, 0, e.octets.length, b, from, to)) {
            return e.parsed;
        }
        Optional<MediaType> parsed =
                MediaType.parseUncached(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        if (to - from <= MAX_KEPT) {
            CACHE[slot] = new Entry(Arrays.copyOfRange(b, from, to), hash, parsed);
        }
        return parsed;
    }
}
