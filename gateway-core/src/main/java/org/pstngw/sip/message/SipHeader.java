package org.pstngw.sip.message;

import java.util.Objects;

/** One header field as on the wire: the name as written (any case, maybe compact) and the unfolded value. */
public record SipHeader(String name, String value) {
    public SipHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** True when this field is the header {@code name} (case-insensitive, long or compact form). */
    public boolean is(String name) {
        return HeaderNames.matches(this.name, name);
    }
}
