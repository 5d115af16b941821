package org.pstngw.isup.call;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.maintenance.CircuitQuery;
import org.pstngw.isup.maintenance.GroupAnswer;
import org.pstngw.isup.maintenance.GroupReset;
import org.pstngw.isup.maintenance.LocalBlocking;
import org.pstngw.isup.maintenance.MaintenanceContext;
import org.pstngw.isup.maintenance.RemoteMaintenance;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.CauseValue;
import org.pstngw.sipi.isup.EncodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ISUP call control for one circuit group over one {@link IsupLink}: hunts circuits, runs each circuit's
 * {@link CircuitCall} and the maintenance procedures, encodes what they send and feeds them what arrives.
 *
 * <p>Threading: all state (circuits, pool, maintenance) is touched by one {@link SerialExecutor} over the executor
 * given to the builder. Every public method may be called from any thread: it queues its work there and returns a
 * stage completed there. Link callbacks and timer expiries queue there too. What a unit of work sends or tells the
 * listener is emitted after the work is done ({@link Outbox}), so the listener never runs inside a transition and may
 * call back in (its request queues behind). Never block on a returned stage from the listener. What the link refuses
 * is retried or reported, never silently lost ({@link Transmitter}).
 */
public final class IsupCallControl implements IsupLink.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(IsupCallControl.class);

    /** Q.850 #97 message type non-existent or not implemented (CFN for an unrecognised message, Q.764 2.9.5.2). */
    public static final int MESSAGE_NOT_IMPLEMENTED = 97;

    private final IsupLink link;
    private final CircuitGroup group;
    private final CallControlSettings settings;
    private final CircuitPool pool;
    private final SerialExecutor loop;
    private final Scheduler scheduler;
    private final IsupCallListener listener;
    private final ContinuityTester tester;
    private final CircuitCall[] calls;
    private final Outbox outbox = new Outbox();
    private final Queue<Runnable> followUps = new ArrayDeque<>();
    private final LocalBlocking localBlocking;
    private final GroupReset groupReset;
    private final RemoteMaintenance remoteMaintenance;
    private final CircuitQuery circuitQuery;
    private final CircuitMaintenance maintenance;
    private final Inbound inbound;
    private final Transmitter transmitter;
    private volatile boolean reachable;
    private volatile boolean ready;

    private IsupCallControl(Builder b) {
        this.link = b.link;
        this.group = b.group;
        this.settings = b.settings;
        this.pool = new CircuitPool(group, new DualSeizure(settings.glare(), link.ownPointCode(), group.dpc()));
        this.loop = new SerialExecutor(b.executor);
        this.scheduler = b.scheduler;
        this.listener = b.listener;
        this.tester = b.tester;
        this.calls = new CircuitCall[group.count()];
        CallSink sink = new ActionSink(this, b.tester);
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new CircuitCall(group.firstCic() + i, settings.timers(), scheduler, this::submit, sink);
        }
        MaintenanceContext context = new Context();
        this.localBlocking = new LocalBlocking(context);
        this.groupReset = new GroupReset(context, localBlocking);
        this.remoteMaintenance = new RemoteMaintenance(context, localBlocking);
        this.circuitQuery = new CircuitQuery(context);
        this.maintenance = new CircuitMaintenance(this);
        this.inbound = new Inbound(this, groupReset, remoteMaintenance);
        this.transmitter = new Transmitter(this, link);
    }

    public static Builder builder(IsupLink link, CircuitGroup group) {
        return new Builder(link, group);
    }

    public CircuitGroup group() {
        return group;
    }

    public CallControlSettings settings() {
        return settings;
    }

    /** Blocking, reset, continuity tests and queries of this group's circuits. */
    public CircuitMaintenance maintenance() {
        return maintenance;
    }

    /**
     * Whether call control has seen the destination available. It starts unreachable: the destination's state when
     * the control is built is its first change, so a destination already available gets the start-up GRS at once,
     * one that becomes available later gets it then.
     */
    public boolean destinationReachable() {
        return reachable;
    }

    /** Reachable and no group reset of ours awaiting its GRA: outgoing calls can find circuits. */
    public boolean ready() {
        return ready;
    }

    /**
     * Starts an outgoing call with the application's IAM parameters; refused at once with cause 34 when the
     * destination is unreachable, the group takes no outgoing calls or no circuit is idle and unblocked.
     */
    public CompletionStage<SetupResult> setup(IsupParameters iamParameters) {
        Objects.requireNonNull(iamParameters);
        return call(() -> startCall(iamParameters, -1));
    }

    /** Sends SAM, ACM, CON, CPG or ANM with the application's parameters, if the circuit's state allows it. */
    public CompletionStage<CircuitCall.Outcome> send(int cic, IsupMessageType type, IsupParameters parameters) {
        CallEvent event = localEventFor(type);
        IsupMessage message = IsupMessage.of(type, cic, parameters);
        return onCircuit(
                cic, call -> encodable(message) ? call.handle(event, 0, message) : CircuitCall.Outcome.REFUSED);
    }

    /** Releases the call on {@code cic} with a Q.850 cause (REL, T1/T5). */
    public CompletionStage<CircuitCall.Outcome> release(int cic, int cause) {
        return onCircuit(cic, call -> call.handle(CallEvent.LOCAL_RELEASE, cause));
    }

    /** Sends SUS (user or network); T2 runs here when we originated the call and the user suspends. */
    public CompletionStage<CircuitCall.Outcome> suspend(int cic, boolean network) {
        return onCircuit(cic, call -> {
            CallEvent event = call.direction() == CircuitCall.Direction.OUTGOING && !network
                    ? CallEvent.LOCAL_SUSPEND_CONTROLLING
                    : CallEvent.LOCAL_SUSPEND;
            return call.handle(event, 0, suspendResume(IsupMessageType.SUS, cic, network));
        });
    }

    /** Sends RES (user or network) for a call we suspended. */
    public CompletionStage<CircuitCall.Outcome> resume(int cic, boolean network) {
        return onCircuit(
                cic, call -> call.handle(CallEvent.LOCAL_RESUME, 0, suspendResume(IsupMessageType.RES, cic, network)));
    }

    /** Number analysis: the incoming number is not complete yet; wait for SAMs (T35, then REL 28). */
    public CompletionStage<CircuitCall.Outcome> awaitMoreDigits(int cic) {
        return onCircuit(cic, call -> call.handle(CallEvent.LOCAL_AWAIT_DIGITS, 0));
    }

    /** Number analysis: the incoming number is complete; T35 stops. */
    public CompletionStage<CircuitCall.Outcome> digitsComplete(int cic) {
        return onCircuit(cic, call -> call.handle(CallEvent.LOCAL_DIGITS_COMPLETE, 0));
    }

    /** The state of a circuit. */
    public CompletionStage<CallState> state(int cic) {
        return onCircuit(cic, CircuitCall::state);
    }

    /** Resets every circuit of the group with GRS (start-up and after the destination recovers). */
    public CompletionStage<Void> resetGroup() {
        return call(() -> {
            sendGroupReset(group.firstCic(), group.count());
            return null;
        });
    }

    @Override
    public void onPdu(IsupPdu pdu) {
        submit(() -> inbound.received(pdu));
    }

    @Override
    public void onDestinationState(int dpc, DestinationState state) {
        if (dpc == group.dpc()) {
            submit(() -> destination(state));
        }
    }

    // --- package-private plumbing for CircuitMaintenance

    /** Runs {@code work} on the control's executor; the stage fails if the executor no longer takes work. */
    <T> CompletionStage<T> call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(new SerialExecutor.Abandonable() {
            @Override
            public void run() {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void abandoned(RejectedExecutionException cause) {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    <T> CompletionStage<T> onCircuit(int cic, java.util.function.Function<CircuitCall, T> work) {
        if (!group.contains(cic)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("CIC " + cic + " is not in group " + group.name()));
        }
        return call(() -> work.apply(calls[cic - group.firstCic()]));
    }

    CircuitCall circuit(int cic) {
        return calls[cic - group.firstCic()];
    }

    CircuitPool pool() {
        return pool;
    }

    LocalBlocking localBlocking() {
        return localBlocking;
    }

    CircuitQuery circuitQuery() {
        return circuitQuery;
    }

    Outbox outbox() {
        return outbox;
    }

    Queue<Runnable> followUps() {
        return followUps;
    }

    boolean hasContinuityTester() {
        return tester != null;
    }

    void sendGroupReset(int firstCic, int count) {
        for (int cic : groupReset.send(firstCic, count)) {
            circuit(cic).handle(CallEvent.LOCAL_RESET, 0);
        }
    }

    // --- the executor's work

    void submit(Runnable work) {
        loop.execute(new Unit(work));
    }

    /** One unit of work: the work, the follow-ups it queued, then everything it sends and tells. */
    private final class Unit implements SerialExecutor.Abandonable {
        private final Runnable work;

        Unit(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
                for (Runnable next = followUps.poll(); next != null; next = followUps.poll()) {
                    next.run();
                }
            } finally {
                outbox.flush(transmitter::send, listener);
                ready = reachable && !groupReset.pending();
            }
        }

        @Override
        public void abandoned(RejectedExecutionException cause) {
            if (work instanceof SerialExecutor.Abandonable a) {
                a.abandoned(cause);
            }
        }
    }

    SetupResult startCall(IsupParameters iamParameters, int excludedCic) {
        if (!reachable || !group.direction().allowsOutgoing()) {
            return new SetupResult.Refused(SetupResult.NO_CIRCUIT);
        }
        IsupMessage probe = IsupMessage.of(IsupMessageType.IAM, 0, iamParameters);
        if (!encodable(probe)) {
            return new SetupResult.Refused(SetupResult.PROTOCOL_ERROR);
        }
        boolean continuity = MessageEvents.requiresContinuityCheck(probe);
        if (continuity && tester == null) {
            LOG.info("IAM asks for a continuity check and no continuity tester is configured: refused");
            return new SetupResult.Refused(SetupResult.NOT_IMPLEMENTED);
        }
        OptionalInt cic = pool.hunt(settings.hunting(), excludedCic);
        if (cic.isEmpty()) {
            return new SetupResult.Refused(SetupResult.NO_CIRCUIT);
        }
        IsupMessage iam = IsupMessage.of(IsupMessageType.IAM, cic.getAsInt(), iamParameters);
        CallEvent event = continuity ? CallEvent.LOCAL_SETUP_WITH_CONTINUITY : CallEvent.LOCAL_SETUP;
        CircuitCall.Outcome outcome = circuit(cic.getAsInt()).handle(event, 0, iam);
        if (outcome != CircuitCall.Outcome.APPLIED) {
            LOG.error("CIC {} hunted as idle but {} was {}: not started", cic.getAsInt(), event, outcome);
            return new SetupResult.Refused(SetupResult.NO_CIRCUIT);
        }
        return new SetupResult.Started(cic.getAsInt());
    }

    /** This group's share of a group request whose range reaches into other groups ({@link CicDispatcher}). */
    CompletionStage<GroupAnswer.Part> answerPart(IsupMessage request) {
        return call(() -> inbound.part(request));
    }

    /**
     * Ends this group's share of a group request answered across groups: sends the combined {@code answer} (the
     * group that sends it; null for the others), then what the part does after the answer, then {@code then} once all
     * of it has been emitted.
     */
    void finishAnswer(IsupMessage answer, GroupAnswer.Part part, Runnable then) {
        submit(() -> {
            if (answer != null) {
                outbox.add(new Outbox.Output.Send(answer));
            }
            part.afterAnswer().run();
            outbox.add(new Outbox.Output.Then(then));
        });
    }

    /** The link refused a message because the destination is down: make sure this control has heard so. */
    void destinationRefused() {
        submit(() -> destination(link.state(group.dpc())));
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** Messages held for the link, and messages given up on (for tests and metrics). */
    int heldMessages() {
        return transmitter.held();
    }

    long droppedMessages() {
        return transmitter.dropped();
    }

    private void destination(DestinationState state) {
        boolean was = reachable;
        reachable = state.canSend();
        if (!reachable) {
            transmitter.destinationLost();
        }
        circuitQuery.destination(reachable);
        if (was && !reachable) {
            LOG.warn("DPC {} unreachable: clearing calls", group.dpc());
            for (CircuitCall c : calls) {
                c.handle(CallEvent.CLEAR_LOCALLY, CallTable.NETWORK_OUT_OF_ORDER);
            }
        } else if (!was && reachable) {
            LOG.info("DPC {} reachable again: group reset", group.dpc());
            sendGroupReset(group.firstCic(), group.count());
        }
    }

    private boolean encodable(IsupMessage message) {
        if (IsupCodec.encode(message, settings.variant()) instanceof EncodeResult.EncodeError e) {
            LOG.info("{} not encodable: {}", message.type(), e);
            return false;
        }
        return true;
    }

    private static CallEvent localEventFor(IsupMessageType type) {
        if (type.equals(IsupMessageType.SAM)) {
            return CallEvent.LOCAL_SAM;
        }
        if (type.equals(IsupMessageType.ACM)) {
            return CallEvent.LOCAL_ADDRESS_COMPLETE;
        }
        if (type.equals(IsupMessageType.CON)) {
            return CallEvent.LOCAL_CONNECT;
        }
        if (type.equals(IsupMessageType.CPG)) {
            return CallEvent.LOCAL_PROGRESS;
        }
        if (type.equals(IsupMessageType.ANM)) {
            return CallEvent.LOCAL_ANSWER;
        }
        throw new IllegalArgumentException(
                type + " is not sent with send(): use setup, release, suspend, resume or maintenance()");
    }

    private static IsupMessage suspendResume(IsupMessageType type, int cic, boolean network) {
        return IsupMessage.of(
                type,
                cic,
                IsupParameters.of(IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, network ? 1 : 0)));
    }

    static IsupParameters causeParameters(int cause) {
        return IsupParameters.of(new IsupParameter(
                ParameterCode.CAUSE_INDICATORS,
                CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(cause))
                        .encode()));
    }

    /** What the maintenance procedures see of this control. */
    private final class Context implements MaintenanceContext {
        @Override
        public CircuitPool pool() {
            return pool;
        }

        @Override
        public void send(IsupMessage message) {
            outbox.add(new Outbox.Output.Send(message));
        }

        @Override
        public void alert(int cic, MaintenanceAlert alert) {
            outbox.add(new Outbox.Output.Alert(cic, alert));
        }

        @Override
        public void clearLocally(int cic, int cause) {
            circuit(cic).handle(CallEvent.CLEAR_LOCALLY, cause);
        }

        @Override
        public CallState state(int cic) {
            return circuit(cic).state();
        }

        @Override
        public CircuitCall.Direction direction(int cic) {
            return circuit(cic).direction();
        }

        @Override
        public IsupTimers timers() {
            return settings.timers();
        }

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public Executor executor() {
            return IsupCallControl.this::submit;
        }
    }

    /** Assembles a call control; link, group, scheduler, executor and listener are required. */
    public static final class Builder {
        private final IsupLink link;
        private final CircuitGroup group;
        private CallControlSettings settings = CallControlSettings.defaults();
        private Scheduler scheduler;
        private Executor executor;
        private IsupCallListener listener;
        private ContinuityTester tester;

        private Builder(IsupLink link, CircuitGroup group) {
            this.link = Objects.requireNonNull(link, "link");
            this.group = Objects.requireNonNull(group, "group");
        }

        public Builder settings(CallControlSettings value) {
            this.settings = Objects.requireNonNull(value);
            return this;
        }

        /** Timer source: {@link WheelScheduler} in production, {@link ManualScheduler} in tests. */
        public Builder scheduler(Scheduler value) {
            this.scheduler = value;
            return this;
        }

        /** Runs the control's serial work: any executor (a shared pool, a Netty event loop, {@code Runnable::run}). */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        public Builder listener(IsupCallListener value) {
            this.listener = value;
            return this;
        }

        /** The media engine's continuity check; without one, IAMs asking for a check are refused (79). */
        public Builder continuityTester(ContinuityTester value) {
            this.tester = value;
            return this;
        }

        public IsupCallControl build() {
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(listener, "listener");
            IsupCallControl control = new IsupCallControl(this);
            control.submit(() -> control.destination(link.state(group.dpc())));
            return control;
        }
    }
}
