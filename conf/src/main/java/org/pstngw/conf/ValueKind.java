package org.pstngw.conf;

/**
 * A kind of setting value: how it is read from a YAML scalar and how it is written back.
 *
 * @param <T> the value type
 */
public interface ValueKind<T> {
    /**
     * Reads a value.
     *
     * @throws IllegalArgumentException with a message naming the defect, such as {@code 70000 is out of range
     *     1..65535}
     */
    T parse(String text);

    /** What values are allowed, for the settings reference: {@code integer 1..65535}. */
    String describe();

    /** Writes a value the way {@link #parse} reads it. */
    default String format(T value) {
        return String.valueOf(value);
    }
}
