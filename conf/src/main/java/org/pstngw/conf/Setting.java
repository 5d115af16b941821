package org.pstngw.conf;

import java.util.Objects;

/**
 * A typed setting definition: its key inside its section, a description, a default, a unit, and the kind of value.
 * A setting with a derived default (one that depends on other settings) has a null {@code defaultValue} and says
 * how it is derived in {@code defaultText}.
 *
 * @param <T> the value type
 */
public record Setting<T>(
        String key,
        String description,
        ValueKind<T> kind,
        T defaultValue,
        String defaultText,
        String unit,
        boolean secret) {
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    public static <T> Setting<T> of(String key, ValueKind<T> kind, T defaultValue, String unit, String description) {
        return new Setting<>(
                key,
                description,
                kind,
                defaultValue,
                defaultValue == null ? "" : kind.format(defaultValue),
                unit,
                false);
    }

    /** A setting whose default depends on other settings (described by {@code defaultText}), or is absent. */
    public static <T> Setting<T> derived(
            String key, ValueKind<T> kind, String defaultText, String unit, String description) {
        return new Setting<>(key, description, kind, null, defaultText, unit, false);
    }

    /** The same setting, marked secret: its value and default are never printed. */
    public Setting<T> asSecret() {
        return new Setting<>(key, description, kind, defaultValue, "", unit, true);
    }
}
