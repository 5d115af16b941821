package org.pstngw.sip.message;

/** A SIP response: status code, reason phrase and the rest of {@link SipMessage}. */
public final class SipResponse extends BaseMessage implements SipMessage {
    private final int statusCode;
    private final String reasonPhrase;

    SipResponse(Wire wire, int statusCode, String reasonPhrase) {
        super(wire);
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        return reasonPhrase;
    }

    public SipStatus status() {
        return SipStatus.valueOf(statusCode);
    }

    public boolean isProvisional() {
        return statusCode < 200;
    }

    public boolean isFinal() {
        return statusCode >= 200;
    }

    @Override
    public SipMessageBuilder toBuilder() {
        return SipMessageBuilder.from(this);
    }
}
