package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where each parameter of an encoded SIP-I ISUP body (no CIC) sits, for comparing with a dissector's reading: the
 * parameters in wire order with their part (mandatory fixed, mandatory variable, optional), the pointer octets, and
 * whether the octets add up to the body's length (nothing after the last parameter or the end octet).
 *
 * @param slots the parameters in wire order
 * @param variablePointers the mandatory variable parameters' pointers, in order
 * @param optionalPointer the optional part pointer, when the layout has one
 * @param accountedOctets the octets message type, parameters, pointers, lengths and end octet take
 */
public record WireLayout(
        int messageType,
        List<Slot> slots,
        List<Integer> variablePointers,
        OptionalInt optionalPointer,
        int accountedOctets) {

    /** The part of the message a parameter is in. */
    public enum Part {
        FIXED,
        VARIABLE,
        OPTIONAL
    }

    /**
     * One parameter.
     *
     * @param octets the parameter as it is on the wire: contents (fixed), length and contents (variable), name,
     *     length and contents (optional)
     */
    @SuppressWarnings("ArrayRecordComponent") // test data, compared through the accessor
    public record Slot(Part part, int code, byte[] octets) {}

    /** The layout of {@code body}, which our decoder must take; null for a message type without a layout. */
    public static WireLayout of(byte[] body, IsupVariant variant) {
        MessageFormat format = MessageFormat.of(variant, body[0] & 0xFF);
        if (format == null) {
            return null;
        }
        DecodeResult r = IsupCodec.decodeWithoutCic(body, variant, 0);
        if (!(r instanceof DecodeResult.Decoded(IsupMessage m))) {
            throw new AssertionError("our decoder rejects the body: " + r);
        }
        List<IsupParameter> params = m.parameters().asList();
        int fixed = format.fixedCodes().length;
        int variable = format.variableCodes().length;
        List<Slot> slots = new ArrayList<>();
        int octets = 1;
        for (int i = 0; i < params.size(); i++) {
            IsupParameter p = params.get(i);
            byte[] v = p.value();
            if (i < fixed) {
                slots.add(new Slot(Part.FIXED, p.code().code(), v));
                octets += v.length;
            } else if (i < fixed + variable) {
                slots.add(new Slot(Part.VARIABLE, p.code().code(), prefix(v, v.length)));
                octets += 1 + v.length;
            } else {
                slots.add(new Slot(
                        Part.OPTIONAL,
                        p.code().code(),
                        prefix(prefix(v, v.length), p.code().code())));
                octets += 2 + v.length;
            }
        }
        int at = 1;
        for (int i = 0; i < fixed; i++) {
            at += format.fixedLengths()[i];
        }
        List<Integer> pointers = new ArrayList<>();
        for (int i = 0; i < variable; i++) {
            pointers.add(body[at + i] & 0xFF);
        }
        octets += variable;
        OptionalInt optional = OptionalInt.empty();
        if (format.optionalPart() && at + variable < body.length) {
            optional = OptionalInt.of(body[at + variable] & 0xFF);
            octets += 1;
            if (params.size() > fixed + variable) {
                octets += 1; // end of optional parameters
            }
        }
        return new WireLayout(body[0] & 0xFF, List.copyOf(slots), List.copyOf(pointers), optional, octets);
    }

    /** The parameter names a dissector lists in wire order: every parameter, then 0 for the end octet if any. */
    public List<Integer> parameterTypes() {
        List<Integer> types = new ArrayList<>();
        for (Slot s : slots) {
            types.add(s.code());
        }
        if (slots.stream().anyMatch(s -> s.part() == Part.OPTIONAL)) {
            types.add(0);
        }
        return types;
    }

    /** The length octets a dissector reads: those of the variable and optional parameters, in wire order. */
    public List<Integer> parameterLengths() {
        List<Integer> lengths = new ArrayList<>();
        for (Slot s : slots) {
            if (s.part() != Part.FIXED) {
                lengths.add(s.octets()[s.part() == Part.OPTIONAL ? 1 : 0] & 0xFF);
            }
        }
        return lengths;
    }

    private static byte[] prefix(byte[] b, int first) {
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) first;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("WireLayout[type=" + messageType + ", pointers=" + variablePointers
                + ", optional=" + optionalPointer + ", octets=" + accountedOctets);
        for (Slot slot : slots) {
            s.append(", ")
                    .append(slot.part())
                    .append(' ')
                    .append(slot.code())
                    .append('=')
                    .append(Arrays.toString(slot.octets()));
        }
        return s.append(']').toString();
    }
}
