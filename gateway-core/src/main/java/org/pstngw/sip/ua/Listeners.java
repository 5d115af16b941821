package org.pstngw.sip.ua;

import java.util.function.BiConsumer;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.ClientTransaction;

/** Small client-transaction listeners. */
final class Listeners {
    private Listeners() {}

    /** For requests whose outcome changes nothing (PRACK, the BYE of a released fork). */
    static ClientTransaction.Listener ignoring() {
        return new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {}

            @Override
            public void onTimeout(ClientTransaction tx) {}

            @Override
            public void onTransportError(ClientTransaction tx) {}
        };
    }

    /** Reports the final response (or a local 408/503) of {@code request} to {@code to}. */
    static ClientTransaction.Listener reporting(
            SipMethod method, SipRequest request, BiConsumer<SipMethod, IncomingMessage> to) {
        return new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (response.isFinal()) {
                    to.accept(method, ReceivedMessage.of(response));
                }
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                to.accept(method, SessionRefresh.local(request, SipStatus.REQUEST_TIMEOUT));
            }

            @Override
            public void onTransportError(ClientTransaction tx) {
                to.accept(method, SessionRefresh.local(request, SipStatus.SERVICE_UNAVAILABLE));
            }
        };
    }
}
