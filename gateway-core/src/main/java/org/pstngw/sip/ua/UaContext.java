package org.pstngw.sip.ua;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.Ids;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transaction.TransactionLayer;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.NextHop;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the UA core's calls share: the transaction layer, the lanes, this node's addresses, the dialog table. */
final class UaContext {
    private static final Logger LOG = LoggerFactory.getLogger(UaContext.class);

    /** Methods this UA answers (Allow). */
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, PRACK";
    /** Bodies it accepts (Accept). */
    static final String ACCEPT = "application/sdp, multipart/mixed, application/isup";

    final TransactionLayer layer;
    final Function<String, Executor> lanes;
    final Function<TransportType, Optional<InetSocketAddress>> local;
    final UaSettings settings;
    final Replies replies;
    final Map<DialogId, Call> dialogs = new ConcurrentHashMap<>();
    volatile CallListener listener;

    /** A call in the dialog table: receives in-dialog requests, ACKs and stray 2xx. */
    interface Call {
        Dialog dialog();

        void onInDialogRequest(ServerTransaction tx);

        default void onAck(SipRequest ack) {}

        default void onStraySuccess(SipResponse response) {}
    }

    /**
     * Runs an application callback on the call's lane. What it throws is logged and does not reach the stack, whose
     * protocol work for the call goes on.
     *
     * @return false when the callback threw
     */
    boolean app(String callback, String callId, Runnable run) {
        try {
            run.run();
            return true;
        } catch (RuntimeException e) {
            LOG.error("application callback {} for call {} failed", callback, callId, e);
            return false;
        }
    }

    /** Asks the application for a value; empty when its callback threw (logged). */
    <T> Optional<T> ask(String callback, String callId, Supplier<T> question) {
        try {
            return Optional.of(question.get());
        } catch (RuntimeException e) {
            LOG.error("application callback {} for call {} failed", callback, callId, e);
            return Optional.empty();
        }
    }

    UaContext(
            TransactionLayer layer,
            Function<String, Executor> lanes,
            Function<TransportType, Optional<InetSocketAddress>> local,
            UaSettings settings) {
        this.layer = layer;
        this.lanes = lanes;
        this.local = local;
        this.settings = settings;
        this.replies = new Replies(settings.userAgent());
    }

    /** The Supported value (100rel unless disabled). */
    Optional<String> supported() {
        return settings.reliableProvisionals() ? Optional.of(Names.REL100) : Optional.empty();
    }

    Executor lane(String callId) {
        return lanes.apply(callId);
    }

    InetSocketAddress localAddress(TransportType t) {
        return local.apply(t)
                .or(() -> local.apply(TransportType.UDP))
                .orElseThrow(() -> new IllegalStateException("no listener for " + t));
    }

    static String host(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** The host we put in Contact and Via: the configured contact host, else the listener's address. */
    private String advertised(InetSocketAddress me) {
        String h = settings.contactHost();
        if (h.isEmpty()) {
            return host(me);
        }
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /** Our Contact on transport {@code t}: a sips URI when {@code secure} and over TLS (12.1.1), else sip. */
    String contact(TransportType t, boolean secure) {
        InetSocketAddress me = localAddress(t);
        String hostPort = advertised(me) + ":" + me.getPort();
        String user = settings.user();
        if (secure && t == TransportType.TLS) {
            return "<sips:" + user + "@" + hostPort + ">";
        }
        String uri = "sip:" + user + "@" + hostPort;
        return t == TransportType.UDP
                ? "<" + uri + ">"
                : "<" + uri + ";transport=" + t.viaToken().toLowerCase(Locale.ROOT) + ">";
    }

    /** A new request spec with a fresh branch and our Via for {@code transport}. */
    RequestSpec spec(
            SipMethod method,
            Uri requestUri,
            TransportType transport,
            boolean secure,
            NameAddr from,
            String fromTag,
            NameAddr to,
            String toTag,
            String callId,
            long cseq,
            List<NameAddr> routes,
            List<Header> headers,
            Optional<Body> body) {
        InetSocketAddress me = localAddress(transport);
        boolean noContact = method.equals(SipMethod.ACK)
                || method.equals(SipMethod.CANCEL)
                || method.equals(SipMethod.BYE)
                || method.equals(SipMethod.PRACK)
                || method.equals(SipMethod.INFO);
        List<Header> all = headers;
        if (!settings.userAgent().isEmpty()) {
            all = new ArrayList<>(headers);
            all.add(new Header(Names.USER_AGENT, settings.userAgent()));
        }
        return new RequestSpec(
                method,
                requestUri,
                transport,
                advertised(me),
                me.getPort(),
                Ids.branch(),
                from,
                fromTag,
                to,
                toTag,
                callId,
                cseq,
                noContact ? null : contact(transport, secure),
                routes,
                all,
                body);
    }

    /**
     * A request within {@code dialog} (12.2.1.1): Request-URI and Route from the route set and remote target, loose or
     * strict ({@link DialogRouting}), From/To from the dialog, the next local CSeq (or {@code cseq} when given, for
     * ACK).
     */
    SipRequest inDialog(Dialog dialog, SipMethod method, long cseq, List<Header> headers, Optional<Body> body) {
        long n = cseq > 0 ? cseq : dialog.nextLocalCseq();
        DialogRouting routing = DialogRouting.of(dialog.routeSet(), dialog.remoteTarget());
        return spec(
                        method,
                        routing.requestUri(),
                        destination(dialog).map(Flow::transport).orElse(TransportType.UDP),
                        dialog.secure(),
                        dialog.localUri(),
                        dialog.id().localTag(),
                        dialog.remoteUri(),
                        dialog.id().remoteTag(),
                        dialog.id().callId(),
                        n,
                        routing.routes(),
                        headers,
                        body)
                .toRequest();
    }

    /**
     * Where requests in {@code dialog} go: the first route if any, else the remote target (8.1.2); empty when that URI
     * gives no SIP destination. A host name stays unresolved here: the transport resolves it off the lane.
     */
    Optional<Flow> destination(Dialog dialog) {
        Uri next = dialog.routeSet().isEmpty()
                ? dialog.remoteTarget()
                : dialog.routeSet().getFirst().uri();
        return flowFor(next);
    }

    /** The flow toward {@code uri}, never resolving a name (see {@link NextHop}). */
    static Optional<Flow> flowFor(Uri uri) {
        NextHop hop = NextHop.of(uri);
        if (hop instanceof NextHop.Invalid bad) {
            LOG.warn("no destination: {}", bad.reason());
        }
        return hop.destination();
    }

    /**
     * Sends {@code request} in the dialog in a client transaction; when the dialog's next hop gives no destination,
     * runs {@code unroutable} instead (on this lane, now).
     */
    void send(Dialog dialog, SipRequest request, ClientTransaction.Listener listener, Runnable unroutable) {
        Optional<Flow> flow = destination(dialog);
        if (flow.isPresent()) {
            layer.send(request, flow.get(), listener);
        } else {
            unroutable.run();
        }
    }

    /** Sends {@code request} (an ACK for a 2xx) outside any transaction toward the dialog's next hop. */
    void sendStateless(Dialog dialog, SipRequest request) {
        destination(dialog).ifPresent(f -> layer.sendStateless(f, request.toBytes()));
    }
}
