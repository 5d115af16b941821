package org.pstngw.sip.ua;

import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.transaction.ServerTransaction;

/**
 * The end of a call a dialog belongs to (the UAC or the UAS side): what {@link InDialog} and {@link SessionRefresh}
 * need from it. The {@code on}-less methods are the call's own reactions; those that reach the application are guarded
 * by the call. Everything runs on the call's lane.
 */
interface DialogOwner {
    String callId();

    /** The dialog, or null before there is one. */
    Dialog dialog();

    /** True once the call is over. */
    boolean ended();

    /** Whether our Contact must be a sips URI (12.1.1). */
    boolean secure();

    /** Asks the application for its reply to an offer (a request, or a response to our offerless INVITE); may throw. */
    OfferReply offer(IncomingMessage message);

    /** The final outcome of an UPDATE, re-INVITE or INFO we sent (received or synthesised). */
    void answered(SipMethod method, IncomingMessage response);

    /** The answer to an offer we made in a response (reliable provisional, 2xx) arrived in a PRACK or an ACK. */
    void answer(IncomingMessage message);

    /** The far end ended the dialog with BYE (already answered 200). */
    void byeReceived(SipRequest bye);

    /** An INFO (RFC 6086) in the dialog (already answered 200). */
    void info(SipRequest info);

    /** A PRACK in the dialog (RFC 3262), to be answered by the owner. */
    void prack(ServerTransaction tx);

    /**
     * The dialog cannot go on (12.2.1.2: a 481 or 408 or no response to a request in it; 13.3.1.4: no ACK for the 2xx
     * to a re-INVITE).
     *
     * @param bye whether the far end may still hold the dialog, so that a BYE should end it there
     */
    void dialogFailed(String why, boolean bye);
}
