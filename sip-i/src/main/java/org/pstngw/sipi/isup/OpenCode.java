package org.pstngw.sipi.isup;

import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The machinery shared by this package's open enums ({@link IsupMessageType}, {@link ParameterCode},
 * {@link CauseValue}): a protocol code with a name, equal by code, ordered by code, and a {@link Registry} of the
 * named constants that makes a value for any other code, so that an unknown code is a value, not an error.
 *
 * @param <T> the open enum
 */
abstract class OpenCode<T extends OpenCode<T>> implements Comparable<T> {
    private final int code;
    private final String name;

    OpenCode(int code, String name) {
        this.code = code;
        this.name = name;
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    @Override
    public int compareTo(T o) {
        return Integer.compare(code, o.code());
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenCode<?>) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The named constants of one open enum, by code ({@code 0..size-1}).
     *
     * @param <T> the open enum
     */
    static final class Registry<T extends OpenCode<T>> {
        private final Object[] byCode;
        private final BiFunction<Integer, String, T> make;
        private final IntFunction<String> unknownName;

        /**
         * @param size the number of codes (256 for an octet, 128 for seven bits)
         * @param make the open enum's constructor
         * @param unknownName the name of a value made for a code without a constant
         */
        Registry(int size, BiFunction<Integer, String, T> make, IntFunction<String> unknownName) {
            this.byCode = new Object[size];
            this.make = make;
            this.unknownName = unknownName;
        }

        /** Defines the constant for {@code code}; called from the open enum's static initialiser only. */
        T define(int code, String name) {
            T t = make.apply(code, name);
            byCode[code] = t;
            return t;
        }

        /** The constant for {@code code} (which the caller has brought into range), or a new unnamed value. */
        @SuppressWarnings("unchecked") // only Ts are stored
        T valueOf(int code) {
            T t = (T) byCode[code];
            return t != null ? t : make.apply(code, unknownName.apply(code));
        }

        /** Whether {@code t} is the constant defined for its code. */
        @SuppressWarnings("ReferenceEquality") // known means: this is the constant defined for the code
        boolean isDefined(T t) {
            return byCode[t.code()] == t;
        }
    }
}
