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
    /**
     * Two ways a set: the values of a network's peers (a few dozen spellings) then seldom push each other out, as they
     * did in one slot each (four of the nineteen a benchmark's peers send shared slots).
     */
    private static final int SET_BITS = 7;

    private static final int MAX_KEPT = 256;
    private static final Entry[] CACHE = new Entry[2 << SET_BITS];
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
            put(new Entry(e.octets, e.hash, e.parsed, d));
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
        int slot = slot(hash);
        Entry e = CACHE[slot];
        if (e != null && e.hash == hash && Arrays.equals(e.octets, 0, e.octets.length, b, from, to)) {
            return e;
        }
        e = CACHE[slot + 1];
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
        put(e);
        return e;
    }

    /** The first way of the set for {@code hash} (the second follows it): the hash's high bits, mixed. */
    private static int slot(int hash) {
        return ((hash * 0x9E3779B9) >>> (Integer.SIZE - SET_BITS)) << 1;
    }

    /**
     * Keeps {@code e} in the first way of its set, the value there moving to the second (the older one there goes),
     * unless that value is {@code e}'s own octets, which {@code e} replaces.
     */
    private static void put(Entry e) {
        int slot = slot(e.hash);
        Entry first = CACHE[slot];
        if (first != null && !(first.hash == e.hash && Arrays.equals(first.octets, e.octets))) {
            CACHE[slot + 1] = first;
        }
        CACHE[slot] = e;
    }
}
