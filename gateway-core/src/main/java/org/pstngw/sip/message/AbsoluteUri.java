package org.pstngw.sip.message;

/** A URI of a scheme this codec does not interpret, kept as text. */
public record AbsoluteUri(String scheme, String raw) implements Uri {
    @Override
    public boolean equivalent(Uri other) {
        return other instanceof AbsoluteUri a && a.raw.equalsIgnoreCase(raw);
    }

    @Override
    public String toString() {
        return raw;
    }
}
