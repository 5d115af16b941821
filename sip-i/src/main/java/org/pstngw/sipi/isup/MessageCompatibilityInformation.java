package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Message compatibility information (Q.763 3.33; T1.113.3 uses the same coding): the instruction indicators that tell
 * a node which does not recognise the message carrying them what to do with it.
 *
 * <pre>
 *   octet 1     ext | G F | E | D | C | B | A
 *   octet 1a..  more instruction indicators, while ext = 0
 *
 *   A  transit at intermediate exchange indicator  0 transit interpretation, 1 end node interpretation
 *   B  release call indicator                      1 release call
 *   C  send notification indicator                 1 send notification
 *   D  discard message indicator                   0 do not discard message (pass on), 1 discard message
 *   E  pass on not possible indicator              0 release call, 1 discard information
 *   GF broadband/narrowband interworking indicator (not applied: the gateway is no such node)
 * </pre>
 *
 * @param instructions the instruction indicator octets, the last with bit 8 (ext) set
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; array-aware equals/hashCode/toString below
public record MessageCompatibilityInformation(byte[] instructions) implements CompatibilityInstructions {
    public MessageCompatibilityInformation {
        instructions = CompatibilityInstructions.checkedCopy(instructions);
    }

    /** The instruction indicators from their bits (A to E), ext set: one octet. */
    public static MessageCompatibilityInformation of(
            boolean endNodeInterpretation,
            boolean releaseCall,
            boolean sendNotification,
            boolean discardMessage,
            boolean discardIfPassOnNotPossible) {
        int octet = 0x80
                | (endNodeInterpretation ? 0x01 : 0)
                | (releaseCall ? 0x02 : 0)
                | (sendNotification ? 0x04 : 0)
                | (discardMessage ? 0x08 : 0)
                | (discardIfPassOnNotPossible ? 0x10 : 0);
        return new MessageCompatibilityInformation(new byte[] {(byte) octet});
    }

    @Override
    public byte[] instructions() {
        return instructions.clone();
    }

    @Override
    public int firstInstructionOctet() {
        return instructions[0] & 0xFF;
    }

    /** Bit E: what to do where the message is to be passed on and cannot be (discard information, or release). */
    public CompatibilityInstruction passOnNotPossible() {
        return (instructions[0] & 0x10) != 0
                ? CompatibilityInstruction.DISCARD_MESSAGE
                : CompatibilityInstruction.RELEASE_CALL;
    }

    /** Bits B and D: release call, discard message, else pass on. */
    public CompatibilityInstruction instruction() {
        if (releaseCall()) {
            return CompatibilityInstruction.RELEASE_CALL;
        }
        return discardMessage() ? CompatibilityInstruction.DISCARD_MESSAGE : CompatibilityInstruction.PASS_ON;
    }

    /** The parameter's contents, or empty when the last octet lacks the ext bit. */
    static Optional<MessageCompatibilityInformation> decode(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] & 0x80) == 0) {
            i++;
        }
        return i == b.length - 1 ? Optional.of(new MessageCompatibilityInformation(b)) : Optional.empty();
    }

    public byte[] encode() {
        return instructions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageCompatibilityInformation m && Arrays.equals(m.instructions, instructions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(instructions);
    }

    @Override
    public String toString() {
        return "MessageCompatibilityInformation[" + HexFormat.of().formatHex(instructions) + "]";
    }
}
