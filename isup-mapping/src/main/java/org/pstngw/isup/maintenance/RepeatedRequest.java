package org.pstngw.isup.maintenance;

import org.pstngw.isup.call.IsupTimer;
import org.pstngw.isup.call.MaintenanceAlert;
import org.pstngw.isup.call.Scheduler;
import org.pstngw.sipi.isup.IsupMessage;

/**
 * A maintenance message that is repeated until acknowledged, with the Q.764 Annex A pair of timers:
 *
 * <pre>
 *   repeat timer (T12 BLO, T14 UBL, T18 CGB, T20 CGU, T22 GRS): "at expiry retransmit the message, start the timer"
 *   alert timer  (T13, T15, T19, T21, T23), started with the initial message: "at expiry retransmit the message,
 *                alert maintenance personnel, start the alert timer, stop the repeat timer; procedure continues
 *                until maintenance intervention occurs"
 * </pre>
 *
 * Two states: PENDING (both timers as above) and DONE (acknowledged or superseded: timers cancelled, late expiries
 * ignored). Runs on the call control's executor.
 */
final class RepeatedRequest {

    private final IsupMessage message;
    private final IsupTimer repeat;
    private final IsupTimer alertTimer;
    private final MaintenanceAlert alert;
    private final MaintenanceContext context;
    private Scheduler.Cancellable repeatDue = () -> {};
    private Scheduler.Cancellable alertDue = () -> {};
    private boolean done;
    private int repeatGeneration;

    RepeatedRequest(
            IsupMessage message,
            IsupTimer repeat,
            IsupTimer alertTimer,
            MaintenanceAlert alert,
            MaintenanceContext context) {
        this.message = message;
        this.repeat = repeat;
        this.alertTimer = alertTimer;
        this.alert = alert;
        this.context = context;
    }

    /** Sends the initial message and starts both timers. */
    RepeatedRequest start() {
        context.send(message);
        scheduleRepeat();
        alertDue = schedule(alertTimer, this::alertExpired);
        return this;
    }

    IsupMessage message() {
        return message;
    }

    boolean pending() {
        return !done;
    }

    /** The acknowledgement came (or the request was superseded): stop. */
    void finish() {
        done = true;
        repeatDue.cancel();
        alertDue.cancel();
    }

    private void scheduleRepeat() {
        int generation = ++repeatGeneration;
        repeatDue = schedule(repeat, () -> repeatExpired(generation));
    }

    private void repeatExpired(int generation) {
        if (!done && generation == repeatGeneration) {
            context.send(message);
            scheduleRepeat();
        }
    }

    private void alertExpired() {
        if (!done) {
            context.send(message);
            context.alert(message.cic(), alert);
            repeatDue.cancel();
            repeatDue = () -> {};
            repeatGeneration++;
            alertDue = schedule(alertTimer, this::alertExpired);
        }
    }

    private Scheduler.Cancellable schedule(IsupTimer timer, Runnable expired) {
        return context.scheduler()
                .schedule(context.timers().get(timer), () -> context.executor().execute(expired));
    }
}
