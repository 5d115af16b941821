package org.pstngw.isup.maintenance;

import java.util.concurrent.Executor;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.CircuitCall;
import org.pstngw.isup.call.IsupTimers;
import org.pstngw.isup.call.MaintenanceAlert;
import org.pstngw.isup.call.Scheduler;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.sipi.isup.IsupMessage;

/**
 * What the maintenance procedures use of their call control. Everything is called on the call control's executor;
 * what is sent or alerted goes out after the current event is done.
 */
public interface MaintenanceContext {

    CircuitPool pool();

    /** Queues a message for the other exchange. */
    void send(IsupMessage message);

    /** Queues an alert to the maintenance personnel (logged and told to the listener). */
    void alert(int cic, MaintenanceAlert alert);

    /** Clears the call on {@code cic} locally, without sending anything (hardware blocking, group reset). */
    void clearLocally(int cic, int cause);

    /** The circuit's call state. */
    CallState state(int cic);

    /** Who originated what the circuit carries. */
    CircuitCall.Direction direction(int cic);

    IsupTimers timers();

    Scheduler scheduler();

    /** The call control's serial executor: timer expiries are delivered there. */
    Executor executor();
}
