/**
 * The simulated exchange: the far end of the gateway's SS7 link for tests, the benchmark and the gateway's embedded
 * default. Real M3UA and real ISUP on the wire, its own circuits, calls answered per called number ({@link
 * org.pstngw.isup.sim.Rules}, {@link org.pstngw.isup.sim.Behaviour}), calls and maintenance messages originated on
 * request, every message logged in order ({@link org.pstngw.isup.sim.EventLog}).
 *
 * <p>What of jSS7 it uses, and what not:
 *
 * <ul>
 *   <li>Used: jSS7's M3UA ({@code org.restcomm.protocols.ss7.m3ua}, {@code M3UAManagementImpl} on jSS7's Netty SCTP/TCP
 *       transport), through the same {@link org.pstngw.isup.link.M3uaNode} our link uses, with jSS7's MTP3 user part
 *       primitives ({@code Mtp3TransferPrimitive}, PAUSE/RESUME/STATUS); and jSS7's ISUP message implementation:
 *       {@code ISUPMessageFactoryImpl} and {@code ISUPParameterFactoryImpl} build the exchange's messages, {@code
 *       AbstractISUPMessage} encodes and decodes them ({@link org.pstngw.isup.sim.SimStack}). So the octets on the wire
 *       come from another ISUP implementation than ours (sip-i's codec): the tests cross-check the two.
 *       Where jSS7 8.0.0-168's encoding is wrong (it leaves out the optional-part pointer of SAM and CFN) or it has no
 *       class (unknown message types), {@link org.pstngw.isup.sim.SimWire} encodes those few messages itself.
 *   <li>Not used: jSS7's ISUP stack proper, {@code ISUPStackImpl} with its per-circuit {@code Circuit} tasks on jSS7's
 *       {@code org.restcomm.protocols.ss7.scheduler.Scheduler}. It strands received messages under load. What we saw:
 *       in the call-cycle benchmark, after some tens of thousands of cycles, an IAM reached the exchange's {@code
 *       Circuit} and was never processed (its {@code incoming} list held 1 message, its receive task was flagged {@code
 *       inQueue1=true}, both read by reflection), until our T7 released the call 20 s later with cause 102; it happened
 *       with and without our call control on the other side. The cause, as jSS7's {@code OrderedTaskQueue.accept}
 *       reads: it offers the task to the queue and only then marks it "stored in queue"; the scheduler's CPU thread
 *       can poll the task and clear the mark in between, and the late mark then says "queued" for a task that is in no
 *       queue, so every later {@code accept} for that circuit skips it and the message waits until something else
 *       wakes the circuit. The stack's {@code Scheduler.stop()} also left its worker threads parked (they had to be
 *       shut down by reflection). Since the exchange stopped using the stack, the benchmark has lost no cycle
 *       (docs/perf/isup.md).
 * </ul>
 *
 * <p>What the stack did for the exchange it now does itself, on one thread of its own ({@link
 * org.pstngw.isup.sim.SimulatedExchange}): per-circuit call state ({@link org.pstngw.isup.sim.CallResponder}), the
 * maintenance answers ({@link org.pstngw.isup.sim.MaintenanceResponder}: BLA, UBA, GRA, CGBA, CGUA, CQR, RLC for RSC,
 * LPA), UCIC for CICs it does not have, CFN for unknown message types, and its own timers where a test needs them:
 * T7 on the IAMs it sends, T8 (continuity), T35 (overlap). jSS7's retransmissions are not reproduced (REL at T1, RSC
 * at T5, the maintenance repeats T12-T23): the exchange answers at once, so our side never needs them; instead it can be
 * told to leave our RELs unanswered ({@link org.pstngw.isup.sim.SimulatedExchange#ignoreReleases}), so that OUR T1
 * and T5 run out over the wire (ReleaseTimersIT).
 */
package org.pstngw.isup.sim;
