package org.pstngw.sip.transaction;

import java.util.concurrent.Executor;
import java.util.function.Function;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.InboundSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Between the transport and the transaction layer: parses each received message (on the event loop, pure), answers a
 * malformed request with 400 whose reason names the defect (sent straight back on the flow it came from), drops a
 * malformed response with a WARN, stamps received/rport into a request's top Via (18.2.1, RFC 3581), and hands the
 * message to the transaction layer on its Call-ID's lane. Nothing thrown in here reaches the event loop.
 */
public final class InboundProcessor implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);

    private final TransactionLayer layer;
    private final Function<String, Executor> lanes;
    private final Sender sender;

    public InboundProcessor(TransactionLayer layer, Function<String, Executor> lanes, Sender sender) {
        this.layer = layer;
        this.lanes = lanes;
        this.sender = sender;
    }

    @Override
    public void onMessage(byte[] bytes, Flow flow) {
        try {
            process(bytes, flow);
        } catch (RuntimeException e) {
            LOG.error("message from {} could not be processed", flow, e);
        }
    }

    private void process(byte[] bytes, Flow flow) {
        switch (SipAdapter.parse(bytes)) {
            case SipAdapter.Inbound.Request r -> {
                var stamped = SipAdapter.stampVia(r.request(), flow.remote());
                String callId = SipAdapter.callId(stamped);
                lanes.apply(callId).execute(() -> guarded(() -> layer.onRequest(stamped, flow), flow, callId));
            }
            case SipAdapter.Inbound.Response r -> {
                String callId = SipAdapter.callId(r.response());
                lanes.apply(callId).execute(() -> guarded(() -> layer.onResponse(r.response(), flow), flow, callId));
            }
            case SipAdapter.Inbound.BadRequest bad -> {
                LOG.info("malformed request from {}: {}", flow, bad.reason());
                if (bad.answer() != null) {
                    sender.send(flow, bad.answer(), e -> {
                        LOG.debug("400 to {} not sent: {}", flow, e.toString());
                    });
                }
            }
            case SipAdapter.Inbound.Dropped dropped -> LOG.warn("dropped message from {}: {}", flow, dropped.reason());
        }
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
