package org.pstngw.sip.message;

/** A SIP request: method, Request-URI and the rest of {@link SipMessage}. */
public final class SipRequest extends BaseMessage implements SipMessage {
    private final SipMethod method;
    private final int uriStart;
    private final int uriEnd;
    private String requestUriText;
    private Uri requestUri;

    /** A request whose Request-URI is {@code wire.bytes[uriStart, uriEnd)}. */
    SipRequest(Wire wire, SipMethod method, int uriStart, int uriEnd) {
        super(wire);
        this.method = method;
        this.uriStart = uriStart;
        this.uriEnd = uriEnd;
    }

    public SipMethod method() {
        return method;
    }

    /** The Request-URI as written. */
    public String requestUriText() {
        String t = requestUriText;
        if (t == null) {
            t = Bytes.text(wire.bytes, uriStart, uriEnd);
            requestUriText = t;
        }
        return t;
    }

    /** The Request-URI, parsed on first access. */
    public Uri requestUri() {
        Uri u = requestUri;
        if (u == null) {
            u = UriParser.parse(wire.bytes, uriStart, uriEnd, true, requestUriText);
            requestUri = u;
        }
        return u;
    }

    /** Checks the Request-URI as {@link #requestUri()} parses it, without building it; null or the defect. */
    String checkRequestUri() {
        try {
            UriParser.parse(wire.bytes, uriStart, uriEnd, false, null);
            if (SipUri.hasHeaders(wire.bytes, uriStart, uriEnd)) {
                return "Request-URI contains headers: " + requestUriText();
            }
            return null;
        } catch (RuntimeException e) {
            return "invalid Request-URI: " + e.getMessage();
        }
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
