package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of one message in wire order (mandatory fixed, mandatory variable, then optional in the order
 * received). Immutable; {@link #with} and {@link #without} return changed copies. Optional parameters keep their order
 * and contents, so a message relayed unchanged encodes to the same bytes.
 */
public final class IsupParameters {
    private static final IsupParameters EMPTY = new IsupParameters(List.of());

    private final List<IsupParameter> list;

    private IsupParameters(List<IsupParameter> list) {
        this.list = list;
    }

    public static IsupParameters empty() {
        return EMPTY;
    }

    public static IsupParameters of(IsupParameter... parameters) {
        return of(List.of(parameters));
    }

    /** Later duplicates of a code are kept (ISUP allows repeated generic parameters). */
    public static IsupParameters of(List<IsupParameter> parameters) {
        return parameters.isEmpty() ? EMPTY : new IsupParameters(List.copyOf(parameters));
    }

    public List<IsupParameter> asList() {
        return list;
    }

    public int size() {
        return list.size();
    }

    public boolean has(ParameterCode code) {
        return find(code) != null;
    }

    public Optional<IsupParameter> get(ParameterCode code) {
        return Optional.ofNullable(find(code));
    }

    /** The first parameter with {@code code}, or null. */
    IsupParameter find(ParameterCode code) {
        for (IsupParameter p : list) {
            if (p.code().code() == code.code()) {
                return p;
            }
        }
        return null;
    }

    /** A copy with {@code p} replacing the first parameter of the same code, or appended when there is none. */
    public IsupParameters with(IsupParameter p) {
        List<IsupParameter> copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).code().equals(p.code())) {
                copy.set(i, p);
                return new IsupParameters(Collections.unmodifiableList(copy));
            }
        }
        copy.add(p);
        return new IsupParameters(Collections.unmodifiableList(copy));
    }

    /** A copy without any parameter of {@code code}. */
    public IsupParameters without(ParameterCode code) {
        List<IsupParameter> copy = new ArrayList<>(list);
        copy.removeIf(p -> p.code().equals(code));
        return of(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsupParameters p && p.list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
