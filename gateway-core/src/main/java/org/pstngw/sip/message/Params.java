package org.pstngw.sip.message;

import java.util.List;
import java.util.Optional;

/** An ordered, immutable parameter list; names compare case-insensitively. */
public record Params(List<Param> list) {
    public static final Params EMPTY = new Params(List.of());

    public Params {
        list = List.copyOf(list);
    }

    /** The parameter named {@code name}, if present. */
    public Optional<Param> find(String name) {
        for (Param p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code name}; null when absent or a flag. */
    public String get(String name) {
        for (Param p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean has(String name) {
        return find(name).isPresent();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Serialised as {@code ;a=b;c}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Param p : list) {
            sb.append(';').append(p);
        }
        return sb.toString();
    }
}
