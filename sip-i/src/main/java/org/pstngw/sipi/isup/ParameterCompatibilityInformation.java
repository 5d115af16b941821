package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Parameter compatibility information (Q.763 3.41; T1.113.3 uses the same coding): for each upgraded parameter, its
 * name and the instruction indicators that tell a node which does not recognise it what to do.
 *
 * <pre>
 *   octet 1     name of the 1st upgraded parameter
 *   octet 2     ext | G F | E | D | C | B | A      instruction indicators
 *   octet 2a..  ext | ...                          more instruction indicators, while ext = 0
 *   ...         name and instruction indicators of the 2nd upgraded parameter, ...
 *
 *   A  transit at intermediate exchange indicator  0 transit interpretation, 1 end node interpretation
 *   B  release call indicator                      1 release call
 *   C  send notification indicator                 1 send notification
 *   D  discard message indicator                   0 do not discard message (pass on), 1 discard message
 *   E  discard parameter indicator                 0 do not discard parameter (pass on), 1 discard parameter
 *   GF pass on not possible indicator              00 release call, 01 discard message, 10 discard parameter,
 *                                                  11 reserved (interpreted as 00)
 *   octet 2a bits JI: broadband/narrowband interworking indicator (not applied: the gateway is no such node)
 * </pre>
 *
 * @param entries the upgraded parameters in wire order
 */
public record ParameterCompatibilityInformation(List<Entry> entries) {
    public ParameterCompatibilityInformation {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("at least one upgraded parameter");
        }
    }

    /**
     * One upgraded parameter and its instruction indicators.
     *
     * @param instructions the instruction indicator octets, the last with bit 8 (ext) set
     */
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; array-aware equals/hashCode/toString below
    public record Entry(ParameterCode parameter, byte[] instructions) implements CompatibilityInstructions {
        public Entry {
            if (parameter == null || instructions == null || instructions.length == 0) {
                throw new IllegalArgumentException("parameter and at least one instruction octet are required");
            }
            instructions = CompatibilityInstructions.checkedCopy(instructions);
        }

        /** The instruction indicators from their bits (A to G), ext set: one octet. */
        public static Entry of(
                ParameterCode parameter,
                boolean endNodeInterpretation,
                boolean releaseCall,
                boolean sendNotification,
                boolean discardMessage,
                boolean discardParameter,
                CompatibilityInstruction passOnNotPossible) {
            int gf = switch (passOnNotPossible) {
                case DISCARD_MESSAGE -> 1;
                case DISCARD_PARAMETER -> 2;
                case RELEASE_CALL -> 0;
                case PASS_ON -> throw new IllegalArgumentException("pass on is not a pass-on-not-possible case");
            };
            int octet = 0x80
                    | (endNodeInterpretation ? 0x01 : 0)
                    | (releaseCall ? 0x02 : 0)
                    | (sendNotification ? 0x04 : 0)
                    | (discardMessage ? 0x08 : 0)
                    | (discardParameter ? 0x10 : 0)
                    | gf << 5;
            return new Entry(parameter, new byte[] {(byte) octet});
        }

        @Override
        public byte[] instructions() {
            return instructions.clone();
        }

        @Override
        public int firstInstructionOctet() {
            return instructions[0] & 0xFF;
        }

        /** Bit E. */
        public boolean discardParameter() {
            return (instructions[0] & 0x10) != 0;
        }

        /** Bits GF: what to do where the parameter is to be passed on and cannot be (11, reserved, reads as 00). */
        public CompatibilityInstruction passOnNotPossible() {
            return switch ((instructions[0] >> 5) & 3) {
                case 1 -> CompatibilityInstruction.DISCARD_MESSAGE;
                case 2 -> CompatibilityInstruction.DISCARD_PARAMETER;
                default -> CompatibilityInstruction.RELEASE_CALL;
            };
        }

        /** Bits B, D and E, the most severe first: release call, discard message, discard parameter, else pass on. */
        public CompatibilityInstruction instruction() {
            if (releaseCall()) {
                return CompatibilityInstruction.RELEASE_CALL;
            }
            if (discardMessage()) {
                return CompatibilityInstruction.DISCARD_MESSAGE;
            }
            return discardParameter() ? CompatibilityInstruction.DISCARD_PARAMETER : CompatibilityInstruction.PASS_ON;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.parameter.equals(parameter) && Arrays.equals(e.instructions, instructions);
        }

        @Override
        public int hashCode() {
            return parameter.hashCode() * 31 + Arrays.hashCode(instructions);
        }

        @Override
        public String toString() {
            return parameter + ":" + HexFormat.of().formatHex(instructions);
        }
    }

    /** The instructions for {@code code}: its first entry. */
    public Optional<Entry> entryFor(ParameterCode code) {
        for (Entry e : entries) {
            if (e.parameter.equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The parameter's contents, or empty when they are not a sequence of (name, instruction octets) entries. */
    static Optional<ParameterCompatibilityInformation> decode(byte[] b) {
        List<Entry> entries = new ArrayList<>(2);
        int i = 0;
        while (i < b.length) {
            if (b[i] == 0) {
                return Optional.empty(); // 0 names no parameter
            }
            ParameterCode code = ParameterCode.valueOf(b[i] & 0xFF);
            int from = ++i;
            while (i < b.length && (b[i] & 0x80) == 0) {
                i++;
            }
            if (i == b.length) {
                return Optional.empty(); // no instruction octet, or the last one without ext
            }
            i++;
            entries.add(new Entry(code, Arrays.copyOfRange(b, from, i)));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(new ParameterCompatibilityInformation(entries));
    }

    public byte[] encode() {
        int n = 0;
        for (Entry e : entries) {
            n += 1 + e.instructions.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (Entry e : entries) {
            out[at++] = (byte) e.parameter.code();
            System.arraycopy(e.instructions, 0, out, at, e.instructions.length);
            at += e.instructions.length;
        }
        return out;
    }
}
