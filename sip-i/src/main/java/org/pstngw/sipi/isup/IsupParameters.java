package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one message in wire order (mandatory fixed, mandatory variable, then optional in the order
 * received). Immutable; {@link #with} and {@link #without} return changed copies. Optional parameters keep their order
 * and contents, so a message relayed unchanged encodes to the same bytes.
 *
 * <p>Held in an array only this class writes, so that the codec's loops over it index an array (one list type at
 * every call site; a mix of list classes made those calls megamorphic); {@link #asList()} is a read-only view of it.
 */
public final class IsupParameters {
    private static final IsupParameter[] NONE = new IsupParameter[0];
    private static final IsupParameters EMPTY = new IsupParameters(NONE);

    private final IsupParameter[] items;
    /**
     * The read-only view, made when first asked for (most messages are never asked): immutable, so a race makes two
     * equal views, never a wrong one.
     */
    private List<IsupParameter> view;

    private IsupParameters(IsupParameter[] items) {
        this.items = items;
    }

    public static IsupParameters empty() {
        return EMPTY;
    }

    public static IsupParameters of(IsupParameter... parameters) {
        return owning(parameters.clone(), parameters.length);
    }

    /** Later duplicates of a code are kept (ISUP allows repeated generic parameters). */
    public static IsupParameters of(List<IsupParameter> parameters) {
        return owning(parameters.toArray(NONE), parameters.size());
    }

    /**
     * The first {@code count} parameters of an array only the caller made and nobody else keeps (the codec's and the
     * factories' own), held without another copy when it is exactly that long.
     *
     * @throws NullPointerException for a null parameter, as {@link List#copyOf} does
     */
    static IsupParameters owning(IsupParameter[] fresh, int count) {
        for (int i = 0; i < count; i++) {
            Objects.requireNonNull(fresh[i]);
        }
        if (count == 0) {
            return EMPTY;
        }
        return new IsupParameters(count == fresh.length ? fresh : Arrays.copyOf(fresh, count));
    }

    /** The parameters, wire order, read-only. */
    public List<IsupParameter> asList() {
        List<IsupParameter> v = view;
        if (v == null) {
            v = Collections.unmodifiableList(Arrays.asList(items));
            view = v;
        }
        return v;
    }

    public int size() {
        return items.length;
    }

    /** The parameter at {@code index} in wire order, for the codec. */
    IsupParameter at(int index) {
        return items[index];
    }

    public boolean has(ParameterCode code) {
        return find(code) != null;
    }

    public Optional<IsupParameter> get(ParameterCode code) {
        return Optional.ofNullable(find(code));
    }

    /** The first parameter with {@code code}, or null. */
    IsupParameter find(ParameterCode code) {
        int c = code.code();
        for (IsupParameter p : items) {
            if (p.code().code() == c) {
                return p;
            }
        }
        return null;
    }

    /** A copy with {@code p} replacing the first parameter of the same code, or appended when there is none. */
    public IsupParameters with(IsupParameter p) {
        Objects.requireNonNull(p);
        for (int i = 0; i < items.length; i++) {
            if (items[i].code().equals(p.code())) {
                IsupParameter[] copy = items.clone();
                copy[i] = p;
                return new IsupParameters(copy);
            }
        }
        IsupParameter[] copy = Arrays.copyOf(items, items.length + 1);
        copy[items.length] = p;
        return new IsupParameters(copy);
    }

    /** A copy without any parameter of {@code code}. */
    public IsupParameters without(ParameterCode code) {
        IsupParameter[] kept = new IsupParameter[items.length];
        int n = 0;
        for (IsupParameter p : items) {
            if (!p.code().equals(code)) {
                kept[n++] = p;
            }
        }
        return owning(kept, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsupParameters p && Arrays.equals(p.items, items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items); // List.hashCode of the same parameters
    }

    @Override
    public String toString() {
        return asList().toString();
    }
}
