package org.pstngw.sipi.isup;

import java.util.List;
import java.util.Optional;

/** What {@link Compatibility#onReceipt} decides for a received message. */
public sealed interface CompatibilityAction {

    /**
     * Act on {@code message} (an end node) or pass it on (an intermediate node). It lacks the unrecognised parameters
     * that were discarded; those passed on unrecognised are still in it.
     *
     * @param discarded the unrecognised parameters taken out, wire order
     * @param passedOn the unrecognised parameters left in, wire order
     * @param notification the cause of the confusion message (CFN) to send back: 99 "parameter non-existent or not
     *     implemented, discarded" naming the parameters in its diagnostics. For a REL it goes in the cause indicators
     *     of the RLC instead; it is never given for an RLC or a CFN, which are not answered with a CFN.
     */
    record Accept(
            IsupMessage message,
            List<ParameterCode> discarded,
            List<ParameterCode> passedOn,
            Optional<CauseIndicators> notification)
            implements CompatibilityAction {
        public Accept {
            discarded = List.copyOf(discarded);
            passedOn = List.copyOf(passedOn);
        }

        /** Whether the message is taken as received: nothing discarded, nothing to report. */
        public boolean unchanged() {
            return discarded.isEmpty() && notification.isEmpty();
        }
    }

    /**
     * Discard the message.
     *
     * @param notification the cause of the CFN to send back: 97 "message type non-existent or not implemented"
     *     (diagnostic: the message type) for an unrecognised message, 110 "message with unrecognised parameter,
     *     discarded" (diagnostics: the parameters) for a message discarded for its parameters
     */
    record DiscardMessage(Optional<CauseIndicators> notification) implements CompatibilityAction {}

    /**
     * Release the call with {@code cause}: 97 (diagnostic: the message type) for an unrecognised message, 99
     * (diagnostics: the parameters) for an unrecognised parameter. Where the message is not part of a call, there is
     * no call to release: the message is discarded.
     */
    record ReleaseCall(CauseIndicators cause) implements CompatibilityAction {}
}
