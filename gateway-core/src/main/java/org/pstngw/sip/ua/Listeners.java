package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.transaction.ClientTransaction;

/** A client-transaction listener for requests whose outcome changes nothing. */
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
}
