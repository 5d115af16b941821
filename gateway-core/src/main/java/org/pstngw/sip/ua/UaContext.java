package org.pstngw.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.transaction.SipAdapter;
import org.pstngw.sip.transaction.TransactionLayer;
import org.pstngw.sip.transaction.interim.SipRequest;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;

/** What the UA core's calls share: the transaction layer, the lanes, this node's addresses, the dialog table. */
final class UaContext {
    /** Methods this UA answers (Allow). */
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, PRACK";
    /** Bodies it accepts (Accept). */
    static final String ACCEPT = "application/sdp, multipart/mixed, application/isup";
    /** Extensions it supports (Supported). */
    static final String SUPPORTED = "100rel";

    final TransactionLayer layer;
    final Function<String, Executor> lanes;
    final Function<TransportType, Optional<InetSocketAddress>> local;
    final String user;
    final Map<DialogId, Call> dialogs = new ConcurrentHashMap<>();
    volatile CallListener listener;

    /** A call in the dialog table: receives in-dialog requests, ACKs and stray 2xx. */
    interface Call {
        Dialog dialog();

        void onInDialogRequest(org.pstngw.sip.transaction.ServerTransaction tx);

        default void onAck(SipRequest ack) {}

        default void onStraySuccess(org.pstngw.sip.transaction.interim.SipResponse response) {}
    }

    UaContext(
            TransactionLayer layer,
            Function<String, Executor> lanes,
            Function<TransportType, Optional<InetSocketAddress>> local,
            String user) {
        this.layer = layer;
        this.lanes = lanes;
        this.local = local;
        this.user = user;
    }

    Executor lane(String callId) {
        return lanes.apply(callId);
    }

    InetSocketAddress localAddress(TransportType t) {
        return local.apply(t)
                .or(() -> local.apply(TransportType.UDP))
                .orElseThrow(() -> new IllegalStateException("no listener for " + t));
    }

    static String hostPort(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return host + ":" + a.getPort();
    }

    /** Our Contact URI on transport {@code t}. */
    String contact(TransportType t) {
        String uri = "sip:" + user + "@" + hostPort(localAddress(t));
        return t == TransportType.UDP
                ? "<" + uri + ">"
                : "<" + uri + ";transport=" + t.viaToken().toLowerCase(java.util.Locale.ROOT) + ">";
    }

    /** A new request spec with a fresh branch and our Via for {@code transport}. */
    RequestSpec spec(
            String method,
            String requestUri,
            TransportType transport,
            String from,
            String fromTag,
            String to,
            String toTag,
            String callId,
            long cseq,
            List<String> routes,
            List<Header> headers,
            Optional<Body> body) {
        InetSocketAddress me = localAddress(transport);
        String host = me.getAddress() != null ? me.getAddress().getHostAddress() : me.getHostString();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return new RequestSpec(
                method,
                requestUri,
                transport,
                host,
                me.getPort(),
                Ids.branch(),
                from,
                fromTag,
                to,
                toTag,
                callId,
                cseq,
                "ACK".equals(method) || "CANCEL".equals(method) ? null : contact(transport),
                routes,
                headers,
                body);
    }

    /**
     * A request within {@code dialog} (12.2.1.1): Request-URI the remote target (loose routing), Route the route
     * set, From/To from the dialog, the next local CSeq (or {@code cseq} when given, for ACK).
     */
    SipRequest inDialog(Dialog dialog, String method, long cseq, List<Header> headers, Optional<Body> body) {
        long n = cseq > 0 ? cseq : dialog.nextLocalCseq();
        RequestSpec spec = spec(
                method,
                dialog.remoteTarget(),
                destination(dialog).transport(),
                dialog.localUri(),
                dialog.id().localTag(),
                dialog.remoteUri(),
                dialog.id().remoteTag(),
                dialog.id().callId(),
                n,
                dialog.routeSet(),
                headers,
                body);
        return SipAdapter.request(spec);
    }

    /** Where requests in {@code dialog} go: the first route if any, else the remote target (8.1.2). */
    Flow destination(Dialog dialog) {
        String next = dialog.routeSet().isEmpty()
                ? dialog.remoteTarget()
                : SipAdapter.uriOf(dialog.routeSet().getFirst());
        return SipAdapter.flowFor(next);
    }
}
