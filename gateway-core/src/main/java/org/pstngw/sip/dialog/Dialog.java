package org.pstngw.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.Param;
import org.pstngw.sip.message.Params;
import org.pstngw.sip.message.Uri;

/**
 * The state of one dialog, RFC 3261 section 12: its id, the local and remote URIs, the remote target, the route set,
 * the local and remote sequence numbers, whether it is secure, and whether it is early or confirmed. Pure data and
 * rules, no I/O; touched only on its call's lane.
 *
 * <ul>
 *   <li>12.1.1 / 12.1.2: the route set is the Record-Route of the request (UAS, in order) or of the response (UAC,
 *       reversed); the remote target is the Contact of the request (UAS) or the response (UAC). The dialog is secure
 *       when the request was sent over TLS with a sips Request-URI.
 *   <li>12.2.1.1: the local CSeq increments by one for each new request (except ACK and CANCEL).
 *   <li>12.2.2: a request with a CSeq lower than the remote sequence number is answered 500; a higher one is taken.
 *   <li>12.2.1.2 / 12.2.2: a target refresh (re-INVITE, UPDATE) replaces the remote target with its Contact.
 *   <li>13.2.2.4: the UAC recomputes the route set and the remote target of an early dialog from the 2xx that
 *       confirms it ({@link #confirmAsUac}).
 * </ul>
 */
public final class Dialog {
    private final DialogId id;
    private final NameAddr localUri;
    private final NameAddr remoteUri;
    private List<NameAddr> routeSet;
    private final boolean secure;
    private Uri remoteTarget;
    private long localCseq;
    private long remoteCseq;
    private boolean remoteCseqKnown;
    private DialogState state;

    private Dialog(
            DialogId id,
            NameAddr localUri,
            NameAddr remoteUri,
            Uri remoteTarget,
            List<NameAddr> routeSet,
            long localCseq,
            long remoteCseq,
            boolean remoteCseqKnown,
            boolean secure,
            DialogState state) {
        this.id = Objects.requireNonNull(id);
        this.localUri = withoutTag(localUri);
        this.remoteUri = withoutTag(remoteUri);
        this.remoteTarget = Objects.requireNonNull(remoteTarget);
        this.routeSet = List.copyOf(routeSet);
        this.localCseq = localCseq;
        this.remoteCseq = remoteCseq;
        this.remoteCseqKnown = remoteCseqKnown;
        this.secure = secure;
        this.state = state;
    }

    private static NameAddr withoutTag(NameAddr a) {
        List<Param> ps = new ArrayList<>(a.params().list());
        ps.removeIf(p -> p.name().equalsIgnoreCase("tag"));
        return new NameAddr(a.displayName(), a.uri(), true, new Params(ps));
    }

    /**
     * The UAS side of 12.1.1, when this UA sends a 1xx (with tag) or 2xx to an INVITE.
     *
     * @param localUri the request's To (its tag, if any, is dropped: the id holds the tags)
     * @param remoteUri the request's From
     * @param contact the request's Contact URI (the remote target)
     * @param recordRoute the Record-Route values of the request, in order
     * @param requestCseq the request's CSeq number (the remote sequence number)
     * @param secure request over TLS with a sips Request-URI
     * @param early whether the response is a provisional
     */
    public static Dialog asUas(
            DialogId id,
            NameAddr localUri,
            NameAddr remoteUri,
            Uri contact,
            List<NameAddr> recordRoute,
            long requestCseq,
            boolean secure,
            boolean early) {
        return new Dialog(
                id,
                localUri,
                remoteUri,
                contact,
                recordRoute,
                0,
                requestCseq,
                true,
                secure,
                early ? DialogState.EARLY : DialogState.CONFIRMED);
    }

    /**
     * The UAC side of 12.1.2, when this UA receives a 1xx (with tag) or 2xx to its INVITE.
     *
     * @param recordRoute the Record-Route values of the response, in order (reversed here)
     * @param contact the response's Contact URI
     * @param requestCseq the INVITE's CSeq number (the local sequence number)
     * @param secure the INVITE went over TLS with a sips Request-URI
     */
    public static Dialog asUac(
            DialogId id,
            NameAddr localUri,
            NameAddr remoteUri,
            Uri contact,
            List<NameAddr> recordRoute,
            long requestCseq,
            boolean secure,
            boolean early) {
        List<NameAddr> reversed = new ArrayList<>(recordRoute);
        Collections.reverse(reversed);
        return new Dialog(
                id,
                localUri,
                remoteUri,
                contact,
                reversed,
                requestCseq,
                0,
                false,
                secure,
                early ? DialogState.EARLY : DialogState.CONFIRMED);
    }

    public DialogId id() {
        return id;
    }

    /** Our address in the dialog, without tag (From of our requests). */
    public NameAddr localUri() {
        return localUri;
    }

    /** The peer's address, without tag (To of our requests). */
    public NameAddr remoteUri() {
        return remoteUri;
    }

    public Uri remoteTarget() {
        return remoteTarget;
    }

    /** The route set, in the order Route headers of a request in this dialog carry it. */
    public List<NameAddr> routeSet() {
        return routeSet;
    }

    /** True when the dialog was set up over TLS with a sips URI: its requests and our Contact use sips. */
    public boolean secure() {
        return secure;
    }

    public DialogState state() {
        return state;
    }

    /** The CSeq of the next request this UA sends in the dialog (12.2.1.1). */
    public long nextLocalCseq() {
        return ++localCseq;
    }

    /**
     * Checks a received in-dialog request's CSeq (12.2.2).
     *
     * @return false if it is lower than the remote sequence number (answer 500), true if it is taken
     */
    public boolean acceptRemoteCseq(long cseq) {
        if (remoteCseqKnown && cseq < remoteCseq) {
            return false;
        }
        remoteCseq = cseq;
        remoteCseqKnown = true;
        return true;
    }

    /** A 2xx confirmed the dialog (the UAS side: its route set and target come from the request). */
    public void confirm() {
        if (state == DialogState.EARLY) {
            state = DialogState.CONFIRMED;
        }
    }

    /**
     * The UAC side of 13.2.2.4: the 2xx to the INVITE confirms the early dialog, and its Record-Route (reversed) and
     * Contact replace the route set and the remote target the provisional gave.
     *
     * @param recordRoute the Record-Route values of the 2xx, in order
     * @param contact the 2xx's Contact URI, or null to keep the remote target
     */
    public void confirmAsUac(List<NameAddr> recordRoute, Uri contact) {
        if (state != DialogState.EARLY) {
            return;
        }
        List<NameAddr> reversed = new ArrayList<>(recordRoute);
        Collections.reverse(reversed);
        routeSet = List.copyOf(reversed);
        refreshTarget(contact);
        state = DialogState.CONFIRMED;
    }

    /** A target refresh request or its response carried a new Contact. */
    public void refreshTarget(Uri contact) {
        if (contact != null) {
            remoteTarget = contact;
        }
    }

    public void terminate() {
        state = DialogState.TERMINATED;
    }
}
