package org.pstngw.sipi.body;

import java.util.Locale;
import java.util.Optional;

/**
 * A body part's Content-Disposition as the receiver applies it (RFC 3261 20.11, RFC 3204 section 3, RFC 5621 section
 * 9): the disposition type, defaulting to {@code session} for application/sdp, {@code signal} for application/ISUP (the
 * disposition RFC 3204 defines for it) and {@code render} for anything else; and whether handling is required, the
 * default. A handling value other than {@code optional} counts as required.
 */
record Disposition(String type, boolean required) {
    static final String SESSION = "session";
    static final String SIGNAL = "signal";
    static final String RENDER = "render";

    static Disposition of(String header, Optional<MediaType> contentType) {
        return from(MediaType.parse(header), contentType);
    }

    /** As {@link #of}, from the header already parsed ({@code d} empty when absent or malformed). */
    static Disposition from(Optional<MediaType> d, Optional<MediaType> contentType) {
        if (d.isEmpty()) {
            return new Disposition(defaultType(contentType), true);
        }
        String handling = d.get().parameters().get("handling");
        return new Disposition(
                d.get().value(),
                handling == null || !handling.toLowerCase(Locale.ROOT).equals("optional"));
    }

    private static String defaultType(Optional<MediaType> contentType) {
        if (contentType.isPresent() && contentType.get().is("application/sdp")) {
            return SESSION;
        }
        if (contentType.isPresent() && contentType.get().is("application/isup")) {
            return SIGNAL;
        }
        return RENDER;
    }
}
