package org.pstngw.sipi.isup;

/** What {@link IsupCodec#decode} gives: a message, or an error naming the message type and parameter. */
public sealed interface DecodeResult {
    /** Decoded successfully. */
    record Decoded(IsupMessage message) implements DecodeResult {}

    /**
     * Undecodable bytes.
     *
     * @param messageType the message type when it could be read, else null
     * @param parameter the parameter at fault, or null when the fault is in the message structure itself
     * @param reason what is wrong, for logs
     */
    record DecodeError(IsupMessageType messageType, ParameterCode parameter, String reason) implements DecodeResult {
        @Override
        public String toString() {
            return "ISUP decode error in " + (messageType == null ? "message" : messageType.name())
                    + (parameter == null ? "" : " parameter " + parameter.name()) + ": " + reason;
        }
    }
}
