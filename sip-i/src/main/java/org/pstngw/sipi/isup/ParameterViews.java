package org.pstngw.sipi.isup;

import java.util.Optional;

/**
 * Typed views of the parameters the gateway interprets, over the raw parameters of a message (see
 * {@link IsupMessage}). Each view is empty when the parameter is absent, and also when it is present but too short to
 * be read: such a parameter still travels unchanged in {@link #parameters()}.
 */
public interface ParameterViews {

    /** All parameters, wire order, raw. */
    IsupParameters parameters();

    /** The contents of the first parameter with {@code code} (a copy), whatever they hold. */
    default Optional<byte[]> parameter(ParameterCode code) {
        IsupParameter p = parameters().find(code);
        return p == null ? Optional.empty() : Optional.of(p.value());
    }

    default Optional<PartyNumber> calledPartyNumber() {
        return typed(ParameterCode.CALLED_PARTY_NUMBER).map(PartyNumber::decodeCalled);
    }

    default Optional<PartyNumber> callingPartyNumber() {
        return typed(ParameterCode.CALLING_PARTY_NUMBER).map(PartyNumber::decodeCalling);
    }

    default Optional<PartyNumber> connectedNumber() {
        return typed(ParameterCode.CONNECTED_NUMBER).map(PartyNumber::decodeCalling);
    }

    default Optional<PartyNumber> redirectingNumber() {
        return typed(ParameterCode.REDIRECTING_NUMBER).map(PartyNumber::decodeRedirecting);
    }

    default Optional<PartyNumber> originalCalledNumber() {
        return typed(ParameterCode.ORIGINAL_CALLED_NUMBER).map(PartyNumber::decodeRedirecting);
    }

    default Optional<PartyNumber> redirectionNumber() {
        return typed(ParameterCode.REDIRECTION_NUMBER).map(PartyNumber::decodeCalled);
    }

    default Optional<PartyNumber> subsequentNumber() {
        return typed(ParameterCode.SUBSEQUENT_NUMBER).map(PartyNumber::decodeSubsequent);
    }

    default Optional<CauseIndicators> causeIndicators() {
        return typed(ParameterCode.CAUSE_INDICATORS).map(CauseIndicators::decode);
    }

    default Optional<CallingPartyCategory> callingPartyCategory() {
        return typed(ParameterCode.CALLING_PARTYS_CATEGORY).map(b -> new CallingPartyCategory(b[0] & 0xFF));
    }

    default Optional<NatureOfConnectionIndicators> natureOfConnectionIndicators() {
        return typed(ParameterCode.NATURE_OF_CONNECTION_INDICATORS).map(NatureOfConnectionIndicators::decode);
    }

    default Optional<ForwardCallIndicators> forwardCallIndicators() {
        return typed(ParameterCode.FORWARD_CALL_INDICATORS).map(ForwardCallIndicators::decode);
    }

    default Optional<BackwardCallIndicators> backwardCallIndicators() {
        return typed(ParameterCode.BACKWARD_CALL_INDICATORS).map(BackwardCallIndicators::decode);
    }

    default Optional<EventInformation> eventInformation() {
        return typed(ParameterCode.EVENT_INFORMATION).map(EventInformation::decode);
    }

    default Optional<RangeAndStatus> rangeAndStatus() {
        return typed(ParameterCode.RANGE_AND_STATUS).map(RangeAndStatus::decode);
    }

    default Optional<RedirectionInformation> redirectionInformation() {
        return typed(ParameterCode.REDIRECTION_INFORMATION).map(RedirectionInformation::decode);
    }

    /** Parameter compatibility information (Q.763 3.41): instructions for parameters a receiver may not know. */
    default Optional<ParameterCompatibilityInformation> parameterCompatibilityInformation() {
        return typed(ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION)
                .flatMap(ParameterCompatibilityInformation::decode);
    }

    /** Message compatibility information (Q.763 3.33): instructions for a receiver that does not know the message. */
    default Optional<MessageCompatibilityInformation> messageCompatibilityInformation() {
        return typed(ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION).flatMap(MessageCompatibilityInformation::decode);
    }

    /** Raw contents of the first parameter with {@code code}, only when a typed view can read it. */
    private Optional<byte[]> typed(ParameterCode code) {
        IsupParameter p = parameters().find(code);
        if (p == null || TypedParameters.check(code, p.raw()) != null) {
            return Optional.empty();
        }
        return Optional.of(p.raw());
    }
}
