package org.pstngw.conf;

import java.util.Objects;

/** A secret value (a password). Never printed: {@link #toString()} masks it; call {@link #reveal()} to use it. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    /** The empty secret, meaning "not set". */
    public static final Secret NONE = new Secret("");

    public String reveal() {
        return value;
    }

    public boolean isSet() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(unset)" : "******";
    }
}
