package org.pstngw.sip.message;

/** A SIP request: method, Request-URI and the rest of {@link SipMessage}. */
public final class SipRequest extends BaseMessage implements SipMessage {
    private final SipMethod method;
    private final String requestUriText;
    private Uri requestUri;

    SipRequest(Wire wire, SipMethod method, String requestUriText) {
        super(wire);
        this.method = method;
        this.requestUriText = requestUriText;
    }

    public SipMethod method() {
        return method;
    }

    /** The Request-URI as written. */
    public String requestUriText() {
        return requestUriText;
    }

    /** The Request-URI, parsed on first access. */
    public Uri requestUri() {
        Uri u = requestUri;
        if (u == null) {
            u = Uri.parse(requestUriText);
            requestUri = u;
        }
        return u;
    }

    public boolean isInvite() {
        return method.equals(SipMethod.INVITE);
    }

    public boolean isAck() {
        return method.equals(SipMethod.ACK);
    }

    @Override
    public SipMessageBuilder toBuilder() {
        return SipMessageBuilder.from(this);
    }
}
