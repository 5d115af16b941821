package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What {@link IsupCodec#encode} gives: the octets, or an error naming the message type and parameter. Encoding fails
 * on a message that does not fit the variant's layout (a mandatory parameter missing, a fixed one of the wrong length,
 * a mandatory one too short for its contents, an optional parameter on a message without an optional part), a CIC too
 * wide for the variant, a pointer over 255 or a message over the MTP3 signalling information field: whatever encodes,
 * {@link IsupCodec#decode} decodes.
 */
public sealed interface EncodeResult {

    /**
     * The octets, or an {@link IllegalStateException} naming the encode error: for tests and for callers that built
     * the message from a factory of the same variant.
     */
    byte[] orElseThrow();

    /** Encoded successfully. */
    @SuppressWarnings("ArrayRecordComponent") // array-aware equals/hashCode/toString below
    record Encoded(byte[] bytes) implements EncodeResult {
        @Override
        public byte[] orElseThrow() {
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Encoded e && Arrays.equals(e.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Encoded[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /**
     * The message cannot be encoded in that variant.
     *
     * @param messageType the message type
     * @param parameter the parameter at fault, or null when the fault is in the message as a whole
     * @param reason what is wrong, for logs
     */
    record EncodeError(IsupMessageType messageType, ParameterCode parameter, String reason) implements EncodeResult {
        @Override
        public byte[] orElseThrow() {
            throw new IllegalStateException(toString());
        }

        @Override
        public String toString() {
            return "ISUP encode error in " + messageType.name()
                    + (parameter == null ? "" : " parameter " + parameter.name()) + ": " + reason;
        }
    }
}
