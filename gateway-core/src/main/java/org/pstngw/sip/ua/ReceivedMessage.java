package org.pstngw.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;

/** The application's view of a received (or locally synthesised) message. */
record ReceivedMessage(SipMessage message) implements IncomingMessage {

    static IncomingMessage of(SipMessage m) {
        return new ReceivedMessage(m);
    }

    @Override
    public SipMethod method() {
        return message instanceof SipRequest r ? r.method() : message.cseq().method();
    }

    @Override
    public Optional<SipStatus> status() {
        return message instanceof SipResponse r
                ? Optional.of(SipStatus.valueOf(r.statusCode()).withReason(r.reasonPhrase()))
                : Optional.empty();
    }

    @Override
    public String requestUri() {
        return message instanceof SipRequest r ? r.requestUriText() : "";
    }

    @Override
    public List<String> headers(String name) {
        return message.headerValues(name);
    }

    @Override
    public Optional<Body> body() {
        if (message.bodyLength() == 0) {
            return Optional.empty();
        }
        String type = message.header(HeaderNames.CONTENT_TYPE).orElse("application/octet-stream");
        return Optional.of(new Body(type, message.body()));
    }

    @Override
    public String toString() {
        return new String(message.toBytes(), StandardCharsets.UTF_8);
    }
}
