package org.pstngw.sip.transaction;

import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.InboundSink;
import org.pstngw.sip.transport.ResponseRouter;
import org.pstngw.sip.transport.ViaStamping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Between the transport and the transaction layer, on the event loop: answers a malformed request with the status the
 * parser chose (400 whose reason names the defect, 505, 413, 414), sent straight back on the flow it came from (never
 * for an ACK, and only when Via, From, To, Call-ID and CSeq were readable); drops a malformed response, and one with
 * more than one Via (8.1.3.3: it was not meant for us), with a WARN;
 * stamps received/rport into a request's top Via (18.2.1, RFC 3581); refuses with 503 and Retry-After a request whose
 * lane is too busy, or a new out-of-dialog request when the server transaction limit is reached (overload, 21.5.4);
 * and hands the message to the transaction layer on its Call-ID's lane. Nothing thrown in here reaches the event loop.
 */
public final class InboundProcessor implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);

    /** Seconds a peer is asked to wait before retrying a request refused for overload (503, 21.5.4). */
    static final int OVERLOAD_RETRY_AFTER = 5;

    private static final String RETRY_AFTER = "Retry-After";

    private final TransactionLayer layer;
    private final Function<String, Executor> lanes;
    private final Predicate<String> busy;
    private final int maxTransactions;
    private final Sender sender;

    /** Never refuses a request for overload. */
    public InboundProcessor(TransactionLayer layer, Function<String, Executor> lanes, Sender sender) {
        this(layer, lanes, callId -> false, Integer.MAX_VALUE, sender);
    }

    /**
     * @param busy whether the lane of a Call-ID has too much work waiting: a request for it (not an ACK) is then
     *     answered 503 with Retry-After here, on the event loop, and never queued
     * @param maxTransactions with this many server transactions open, a request that is new (not a retransmission),
     *     out of dialog (no To tag) and not a CANCEL is answered 503 with Retry-After the same way; requests within a
     *     dialog, CANCEL and ACK always pass, since they end calls and so free transactions
     */
    public InboundProcessor(
            TransactionLayer layer,
            Function<String, Executor> lanes,
            Predicate<String> busy,
            int maxTransactions,
            Sender sender) {
        this.layer = layer;
        this.lanes = lanes;
        this.busy = busy;
        this.maxTransactions = maxTransactions;
        this.sender = sender;
    }

    @Override
    public void onMessage(ParseResult message, Flow flow) {
        try {
            process(message, flow);
        } catch (RuntimeException e) {
            LOG.error("message from {} could not be processed", flow, e);
        }
    }

    private void process(ParseResult message, Flow flow) {
        switch (message) {
            case ParseResult.Parsed(SipRequest r) -> {
                SipRequest stamped = ViaStamping.apply(r, flow.remote());
                String callId = stamped.callId();
                if (!stamped.isAck() && busy.test(callId)) {
                    overloaded(stamped, flow, "its call lane is busy");
                    return;
                }
                if (!stamped.isAck() && overTransactionLimit(stamped)) {
                    overloaded(stamped, flow, maxTransactions + " server transactions open");
                    return;
                }
                lanes.apply(callId).execute(() -> guarded(() -> layer.onRequest(stamped, flow), flow, callId));
            }
            case ParseResult.Parsed(SipResponse r)
            when r.vias().size() != 1 ->
                LOG.warn(
                        "dropped response from {} with {} Via values: not for us (8.1.3.3)",
                        flow,
                        r.vias().size());
            case ParseResult.Parsed(SipResponse r) -> {
                String callId = r.callId();
                lanes.apply(callId).execute(() -> guarded(() -> layer.onResponse(r, flow), flow, callId));
            }
            case ParseResult.Malformed bad
            when !bad.request() -> LOG.warn("dropped malformed response from {}: {}", flow, bad.reason());
            case ParseResult.Malformed bad -> badRequest(bad, flow);
        }
    }

    private boolean overTransactionLimit(SipRequest request) {
        return layer.serverCount() >= maxTransactions
                && request.to().tag() == null
                && !request.method().equals(SipMethod.CANCEL)
                && !layer.isRetransmission(request);
    }

    private void badRequest(ParseResult.Malformed bad, Flow flow) {
        SipResponse answer = SipResponses.answer(bad, Ids.tag());
        if (answer == null) {
            LOG.info("dropped malformed request from {} (cannot be answered): {}", flow, bad.reason());
            return;
        }
        LOG.info("malformed request from {}: {} -> {}", flow, bad.reason(), answer.statusCode());
        sender.send(flow, answer.toBytes(), e -> {
            LOG.debug("{} to {} not sent: {}", answer.statusCode(), flow, e.toString());
        });
    }

    /** 503 with Retry-After, statelessly, where the response to this request goes (18.2.2). */
    private void overloaded(SipRequest request, Flow flow, String why) {
        SipResponse busyNow = SipResponses.builder(request, SipStatus.SERVICE_UNAVAILABLE, Ids.tag())
                .header(RETRY_AFTER, Integer.toString(OVERLOAD_RETRY_AFTER))
                .buildResponse();
        Flow to = ResponseRouter.route(ResponseRouter.ViaHop.of(request.topVia()), flow);
        LOG.warn("overload: {} {} from {} refused with 503: {}", request.method(), request.callId(), flow, why);
        sender.send(to, busyNow.toBytes(), e -> {
            LOG.debug("503 to {} not sent: {}", to, e.toString());
        });
    }

    private static void guarded(Runnable work, Flow flow, String callId) {
        MDC.put("callId", callId);
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("processing a message from {} failed", flow, e);
        } finally {
            MDC.remove("callId");
        }
    }
}
