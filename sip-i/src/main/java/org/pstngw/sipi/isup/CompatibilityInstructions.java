package org.pstngw.sipi.isup;

/**
 * What message compatibility information (Q.763 3.33) and each entry of parameter compatibility information (Q.763
 * 3.41) share: instruction indicator octets, the last with bit 8 (ext) set, whose bits A to D mean the same in both.
 */
public sealed interface CompatibilityInstructions
        permits MessageCompatibilityInformation, ParameterCompatibilityInformation.Entry {

    /** The instruction indicator octets (a copy). */
    byte[] instructions();

    /** The first instruction indicator octet, 0-255. */
    int firstInstructionOctet();

    /** Bit A: the instructions apply at an intermediate exchange too, not only at the end node. */
    default boolean endNodeInterpretation() {
        return (firstInstructionOctet() & 0x01) != 0;
    }

    /** Bit B. */
    default boolean releaseCall() {
        return (firstInstructionOctet() & 0x02) != 0;
    }

    /** Bit C: report what was done (a confusion message, Q.764 2.9.5.3). */
    default boolean sendNotification() {
        return (firstInstructionOctet() & 0x04) != 0;
    }

    /** Bit D. */
    default boolean discardMessage() {
        return (firstInstructionOctet() & 0x08) != 0;
    }

    /**
     * A copy of {@code instructions}, refused unless it holds at least one octet and ext is set on the last only.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static byte[] checkedCopy(byte[] instructions) {
        if (instructions == null || instructions.length == 0) {
            throw new IllegalArgumentException("at least one instruction octet");
        }
        byte[] copy = instructions.clone();
        for (int i = 0; i < copy.length; i++) {
            if (((copy[i] & 0x80) != 0) != (i == copy.length - 1)) {
                throw new IllegalArgumentException("ext bit must be set on the last instruction octet only");
            }
        }
        return copy;
    }
}
