package org.pstngw.isup.call;

import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the circuits' transitions for their call control: messages and notices into the outbox, media-path
 * commands for the continuity tester (its results come back as events), re-attempts as follow-up work once the current
 * event is done, and every change to and from idle into the pool. Runs on the call control's executor.
 */
final class ActionSink implements CallSink {

    private static final Logger LOG = LoggerFactory.getLogger(ActionSink.class);

    /** Q.763 3.18 continuity indicators: bit A 1 = continuity check successful. */
    private static final int CONTINUITY_SUCCESSFUL = 1;

    private final IsupCallControl control;
    private final ContinuityTester tester;
    /** Per circuit, the number of the current tone test: a result for an older one is late and ignored. */
    private final int[] toneTests;

    ActionSink(IsupCallControl control, ContinuityTester tester) {
        this.control = control;
        this.tester = tester;
        this.toneTests = new int[control.group().count()];
    }

    @Override
    public void occupancy(int cic, boolean busy) {
        if (busy) {
            control.pool().occupied(cic);
        } else {
            control.pool().vacated(cic);
        }
    }

    @Override
    public void perform(int cic, CallAction action, int cause, IsupMessage message) {
        switch (action) {
            case SEND_IAM, SEND_SAM, SEND_ACM, SEND_CON, SEND_CPG, SEND_ANM, SEND_SUS, SEND_RES -> {
                if (message == null) {
                    LOG.error("CIC {}: {} without a message", cic, action);
                } else {
                    control.outbox().add(new Outbox.Output.Send(message));
                }
            }
            case SEND_REL ->
                control.outbox()
                        .add(new Outbox.Output.Send(
                                IsupMessage.of(IsupMessageType.REL, cic, IsupCallControl.causeParameters(cause))));
            case SEND_RLC -> control.outbox().add(new Outbox.Output.Send(IsupMessages.rlc(cic)));
            case SEND_RSC -> {
                control.outbox().add(new Outbox.Output.Send(IsupMessages.bare(IsupMessageType.RSC, cic)));
                control.localBlocking().announceAgain(cic);
            }
            case SEND_LPA -> control.outbox().add(new Outbox.Output.Send(IsupMessages.bare(IsupMessageType.LPA, cic)));
            case SEND_CCR -> control.outbox().add(new Outbox.Output.Send(IsupMessages.bare(IsupMessageType.CCR, cic)));
            case SEND_COT_SUCCESS, SEND_COT_FAILURE ->
                control.outbox()
                        .add(new Outbox.Output.Send(IsupMessage.of(
                                IsupMessageType.COT,
                                cic,
                                IsupParameters.of(IsupParameter.of(
                                        ParameterCode.CONTINUITY_INDICATORS,
                                        action == CallAction.SEND_COT_SUCCESS ? CONTINUITY_SUCCESSFUL : 0)))));
            case CONNECT_LOOP, DISCONNECT_LOOP, START_TONE_TEST, STOP_TONE_TEST -> media(cic, action);
            case NOTIFY_INCOMING_CALL,
                    NOTIFY_ADDRESS_COMPLETE,
                    NOTIFY_PROGRESS,
                    NOTIFY_ANSWER,
                    NOTIFY_SUSPEND,
                    NOTIFY_RESUME,
                    NOTIFY_MORE_DIGITS,
                    NOTIFY_RELEASED,
                    NOTIFY_RELEASE_COMPLETE ->
                control.outbox().add(new Outbox.Output.Notify(cic, action, cause, message));
            case REATTEMPT -> reattempt(cic, message);
            case ALERT_RELEASE_UNACKNOWLEDGED, ALERT_RESET_UNACKNOWLEDGED, ALERT_CONTINUITY_FAILURE ->
                control.outbox().add(new Outbox.Output.Alert(cic, action.alert()));
        }
    }

    /** The call moves to another circuit once the current event is done (the old one may take an incoming call). */
    private void reattempt(int fromCic, IsupMessage originalIam) {
        Outbox.Output.Reattempt notice = new Outbox.Output.Reattempt(fromCic);
        control.outbox().add(notice);
        if (originalIam == null) {
            LOG.error("CIC {}: re-attempt without the original IAM", fromCic);
            return;
        }
        control.followUps().add(() -> {
            notice.result = control.startCall(originalIam.parameters(), fromCic);
            LOG.info("CIC {}: call re-attempted: {}", fromCic, notice.result);
        });
    }

    private void media(int cic, CallAction action) {
        int i = cic - control.group().firstCic();
        if (action == CallAction.START_TONE_TEST || action == CallAction.STOP_TONE_TEST) {
            toneTests[i]++;
        }
        if (tester == null) {
            LOG.info("CIC {}: {} but no continuity tester is configured", cic, action);
            if (action == CallAction.START_TONE_TEST) {
                int test = toneTests[i];
                control.followUps().add(() -> toneResult(cic, test, ContinuityTester.ToneResult.NOT_RECEIVED));
            }
            return;
        }
        int test = toneTests[i];
        Runnable command = switch (action) {
            case CONNECT_LOOP -> () -> tester.connectLoop(cic);
            case DISCONNECT_LOOP -> () -> tester.disconnectLoop(cic);
            case START_TONE_TEST ->
                () -> tester.startToneTest(cic, r -> control.submit(() -> toneResult(cic, test, r)));
            default -> () -> tester.stopToneTest(cic);
        };
        control.outbox().add(new Outbox.Output.Media(cic, action.name(), command));
    }

    void toneResult(int cic, int test, ContinuityTester.ToneResult result) {
        if (toneTests[cic - control.group().firstCic()] != test) {
            LOG.debug("CIC {}: late continuity result {} ignored", cic, result);
            return;
        }
        CallEvent event =
                result == ContinuityTester.ToneResult.RECEIVED ? CallEvent.TONE_RECEIVED : CallEvent.TONE_FAILED;
        control.circuit(cic).handle(event, 0);
    }
}
