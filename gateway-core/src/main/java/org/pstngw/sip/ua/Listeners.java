package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.transaction.ClientTransaction;

/** Small client-transaction listeners. */
final class Listeners {
    private Listeners() {}

    /** For requests whose outcome changes nothing (INFO sent by the application, PRACK). */
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
}
