package org.pstngw.isup.sim;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pstngw.sipi.isup.IsupMessageType;
import org.restcomm.protocols.ss7.isup.message.ContinuityMessage;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;
import org.restcomm.protocols.ss7.isup.message.SubsequentAddressMessage;
import org.restcomm.protocols.ss7.isup.message.parameter.EventInformation;
import org.restcomm.protocols.ss7.isup.message.parameter.NatureOfConnectionIndicators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls at the simulated exchange, per circuit: incoming IAMs get the {@link Behaviour} of their called number (after
 * the digits are complete and a requested continuity check succeeded), calls the exchange originates follow our
 * backward messages, and a release from either side clears the circuit and cancels what the call still had planned.
 * Runs on the exchange's thread.
 */
final class CallResponder {

    private static final Logger LOG = LoggerFactory.getLogger(CallResponder.class);
    /** Q.850 cause 16, normal call clearing. */
    private static final int NORMAL_CLEARING = 16;
    /** Q.850 cause 28, invalid number format (address incomplete): T35 expiry, Q.764 Annex A. */
    private static final int ADDRESS_INCOMPLETE = 28;
    /** Q.850 cause 102, recovery on timer expiry: T7 and T8 (Q.764 Annex A says "send release message"). */
    private static final int TIMER_EXPIRY = 102;

    private final SimWire wire;
    private final Map<Integer, SimCircuit> circuits;
    private final Rules rules;
    private final ScheduledExecutorService loop;
    private final Duration continuityTimeout;
    private final Duration digitTimeout;
    private final Duration addressCompleteTimeout;
    private final int ownPc;

    CallResponder(
            SimWire wire, Map<Integer, SimCircuit> circuits, ExchangeSettings settings, ScheduledExecutorService loop) {
        this.wire = wire;
        this.circuits = circuits;
        this.rules = settings.rules();
        this.loop = loop;
        this.continuityTimeout = settings.continuityTimeout();
        this.digitTimeout = settings.digitTimeout();
        this.addressCompleteTimeout = settings.addressCompleteTimeout();
        this.ownPc = settings.link().opc();
    }

    void onIam(SimCircuit c, InitialAddressMessage iam) {
        if (c.phase == CallPhase.OUTGOING && controlsOnDualSeizure(c.cic)) {
            LOG.info("sim: dual seizure on CIC {}: this exchange controls it, the IAM is ignored", c.cic);
            return;
        }
        if (c.phase != CallPhase.IDLE) {
            LOG.info("sim: IAM on CIC {} in {}: previous call dropped", c.cic, c.phase);
        }
        c.begin(CallPhase.INCOMING);
        String number = iam.getCalledPartyNumber() == null
                ? ""
                : iam.getCalledPartyNumber().getAddress();
        c.digits = digitsOf(number);
        c.numberEnded = hasStop(number);
        c.behaviour = rules.forNumber(c.digits);
        NatureOfConnectionIndicators nci = iam.getNatureOfConnectionIndicators();
        c.continuityPending =
                nci != null && nci.getContinuityCheckIndicator() != NatureOfConnectionIndicators._CCI_NOT_REQUIRED;
        if (c.continuityPending) {
            later(c, continuityTimeout.toMillis(), () -> {
                if (c.continuityPending) {
                    wire.logTimeout(IsupMessageType.IAM, c.cic, "T8");
                    release(c, TIMER_EXPIRY);
                }
            });
        }
        proceed(c);
    }

    void onSam(SimCircuit c, SubsequentAddressMessage sam) {
        if (!(c.behaviour instanceof Behaviour.Overlap) || c.phase != CallPhase.COLLECTING_DIGITS) {
            LOG.info("sim: SAM on CIC {} in {} ignored", c.cic, c.phase);
            return;
        }
        String more = sam.getSubsequentNumber() == null
                ? ""
                : sam.getSubsequentNumber().getAddress();
        c.digits += digitsOf(more);
        c.numberEnded |= hasStop(more);
        proceed(c);
    }

    void onCot(SimCircuit c, ContinuityMessage cot) {
        boolean success = cot.getContinuityIndicators() != null
                && cot.getContinuityIndicators().isContinuityCheck();
        if (c.phase == CallPhase.LOOPED) {
            c.clear();
            return;
        }
        if (!c.continuityPending) {
            LOG.info("sim: COT on CIC {} in {} ignored", c.cic, c.phase);
            return;
        }
        if (!success) {
            // Q.764 2.1.8: the call attempt is abandoned; the outgoing exchange re-checks the circuit with CCR.
            c.clear();
            return;
        }
        c.continuityPending = false;
        proceed(c);
    }

    /**
     * REL from our side: RLC, the circuit is idle, nothing planned for the call happens any more; unless the exchange
     * was told to ignore it ({@link SimulatedExchange#ignoreReleases}): then nothing is sent, the call is left as it
     * was (a lost REL, as far as the other side can tell).
     */
    void onRel(SimCircuit c) {
        if (c.releasesToIgnore > 0) {
            c.releasesToIgnore--;
            LOG.info("sim: REL on CIC {} ignored as told ({} more to ignore)", c.cic, c.releasesToIgnore);
            return;
        }
        c.clear();
        wire.bare(IsupMessageType.RLC, c.cic);
    }

    void onRlc(SimCircuit c) {
        if (c.phase == CallPhase.RELEASING) {
            c.clear();
        }
    }

    /** ACM, CPG, ANM or CON for a call this exchange originated. */
    void onBackward(SimCircuit c, int type) {
        if (c.phase != CallPhase.OUTGOING && c.phase != CallPhase.OUTGOING_ALERTING) {
            LOG.info("sim: {} on CIC {} in {} ignored", IsupMessageType.valueOf(type), c.cic, c.phase);
            return;
        }
        c.phase = type == IsupMessageType.ACM.code() || type == IsupMessageType.CPG.code()
                ? CallPhase.OUTGOING_ALERTING
                : CallPhase.OUTGOING_ANSWERED;
    }

    void onSuspendResume(SimCircuit c, boolean suspend) {
        c.suspended = suspend;
    }

    /** Originates a call: IAM on the circuit, with or without a continuity check (then send COT). */
    void originate(SimCircuit c, String called, String calling, boolean continuityCheck) {
        if (c.phase != CallPhase.IDLE) {
            throw new IllegalStateException("CIC " + c.cic + " is not idle: " + c.phase);
        }
        if (c.remotelyMaintenanceBlocked || c.remotelyHardwareBlocked) {
            throw new IllegalStateException("CIC " + c.cic + " is blocked by the far end");
        }
        c.begin(CallPhase.OUTGOING);
        wire.iam(c.cic, called, calling, continuityCheck);
        later(c, addressCompleteTimeout.toMillis(), () -> {
            if (c.phase == CallPhase.OUTGOING) {
                wire.logTimeout(IsupMessageType.IAM, c.cic, "T7");
                release(c, TIMER_EXPIRY);
            }
        });
    }

    /** Releases whatever call the circuit has (REL with the cause); RLC is then awaited. */
    void release(SimCircuit c, int cause) {
        c.clear();
        c.phase = CallPhase.RELEASING;
        wire.rel(c.cic, cause);
    }

    /** Answers an incoming call now (for behaviours that ring). */
    void answer(SimCircuit c) {
        if (c.phase != CallPhase.INCOMING) {
            throw new IllegalStateException("CIC " + c.cic + " has no incoming call to answer: " + c.phase);
        }
        wire.anm(c.cic);
        c.phase = CallPhase.INCOMING_ANSWERED;
    }

    /** The number is complete and continuity (if asked) confirmed: the behaviour runs; otherwise keep waiting. */
    private void proceed(SimCircuit c) {
        Behaviour b = c.behaviour;
        if (b instanceof Behaviour.Overlap overlap) {
            if (!c.numberEnded && c.digits.length() < overlap.digits()) {
                c.phase = CallPhase.COLLECTING_DIGITS;
                c.restartDigitTimer(loop.schedule(
                        guarded(c, () -> {
                            wire.logTimeout(IsupMessageType.IAM, c.cic, "T35");
                            release(c, ADDRESS_INCOMPLETE);
                        }),
                        digitTimeout.toMillis(),
                        TimeUnit.MILLISECONDS));
                return;
            }
            c.stopDigitTimer();
            b = overlap.then();
        }
        if (c.continuityPending) {
            c.phase = CallPhase.AWAITING_CONTINUITY;
            return;
        }
        c.phase = CallPhase.INCOMING;
        run(c, b);
    }

    private void run(SimCircuit c, Behaviour b) {
        int cic = c.cic;
        switch (b) {
            case Behaviour.AnswerAfter(long millis) -> {
                wire.acm(cic, true);
                later(c, millis, () -> answer(c));
            }
            case Behaviour.ConnectAfter(long millis) ->
                later(c, millis, () -> {
                    wire.con(cic);
                    c.phase = CallPhase.INCOMING_ANSWERED;
                });
            case Behaviour.ProgressThenAnswer(long progress, long answer) -> {
                wire.acm(cic, false);
                later(c, progress, () -> wire.cpg(cic, EventInformation._EVENT_INDICATOR_ALERTING));
                later(c, answer, () -> answer(c));
            }
            case Behaviour.RingForever() -> wire.acm(cic, true);
            case Behaviour.Reject(int cause) -> release(c, cause);
            case Behaviour.ReleaseAfter(long millis) -> {
                wire.acm(cic, true);
                answer(c);
                later(c, millis, () -> release(c, NORMAL_CLEARING));
            }
            case Behaviour.Silent() -> LOG.debug("sim: CIC {} stays silent", cic);
            case Behaviour.Overlap overlap -> throw new IllegalStateException("overlap resolved before: " + overlap);
        }
    }

    /** Runs the action after the delay, only if the circuit still has the same call; at once for 0. */
    private void later(SimCircuit c, long millis, Runnable action) {
        if (millis <= 0) {
            action.run();
            return;
        }
        c.pending(loop.schedule(guarded(c, action), millis, TimeUnit.MILLISECONDS));
    }

    private static Runnable guarded(SimCircuit c, Runnable action) {
        long generation = c.generation;
        return () -> {
            if (c.isCallOf(generation)) {
                action.run();
            }
        };
    }

    /** Q.764 2.9.1.4: the exchange with the higher point code controls the even-numbered circuits. */
    private boolean controlsOnDualSeizure(int cic) {
        boolean even = cic % 2 == 0;
        return ownPc > wire.dpc() ? even : !even;
    }

    /** The address digits without an ST (end of pulsing) signal. */
    private static String digitsOf(String address) {
        StringBuilder sb = new StringBuilder(address.length());
        for (char ch : address.toCharArray()) {
            if (Character.isDigit(ch)) {
                sb.append(ch);
            } else if (isStop(ch)) {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean hasStop(String address) {
        for (char ch : address.toCharArray()) {
            if (isStop(ch)) {
                return true;
            }
        }
        return false;
    }

    /** ST, address signal 1111 (Q.763 3.9): jSS7 shows it as a hex digit. */
    private static boolean isStop(char ch) {
        return ch == 'f' || ch == 'F' || ch == '#';
    }
}
