package org.pstngw.isup.call;

/**
 * What reaches a circuit's state machine: a local request, a received message, or an indication (a timer expiry, a
 * continuity tester result, a maintenance message that matters to a call being set up).
 */
public enum CallEvent {
    // local requests: refused when the state has no row
    LOCAL_SETUP(Kind.LOCAL),
    /** An outgoing call whose IAM asks for a continuity check on this circuit (Q.764 2.1.8): tone test with T24. */
    LOCAL_SETUP_WITH_CONTINUITY(Kind.LOCAL),
    LOCAL_SAM(Kind.LOCAL),
    /** ACM sent. */
    LOCAL_ADDRESS_COMPLETE(Kind.LOCAL),
    /** CON sent (answer without ACM). */
    LOCAL_CONNECT(Kind.LOCAL),
    /** CPG sent (alerting, progress, in-band information). */
    LOCAL_PROGRESS(Kind.LOCAL),
    /** ANM sent. */
    LOCAL_ANSWER(Kind.LOCAL),
    /** Number analysis found the incoming number incomplete: wait for SAMs with T35. */
    LOCAL_AWAIT_DIGITS(Kind.LOCAL),
    /** Number analysis found the incoming number complete: no more SAMs expected. */
    LOCAL_DIGITS_COMPLETE(Kind.LOCAL),
    /** SUS sent by the non-controlling side (no timer here: the controlling exchange runs T2/T6). */
    LOCAL_SUSPEND(Kind.LOCAL),
    /** SUS (user) sent by the controlling side (we originated the call): T2 runs here. */
    LOCAL_SUSPEND_CONTROLLING(Kind.LOCAL),
    LOCAL_RESUME(Kind.LOCAL),
    LOCAL_RELEASE(Kind.LOCAL),
    /** RSC sent (Q.764 2.9.3.1): T16 and T17. */
    LOCAL_RESET(Kind.LOCAL),
    /** A continuity test call on an idle circuit: CCR and the tone test (Q.764 2.1.8). */
    LOCAL_CONTINUITY_TEST(Kind.LOCAL),
    /**
     * The circuit is cleared without sending anything, with the caller's cause: destination unreachable (MTP-PAUSE,
     * 38), group reset sent or received (41), hardware-oriented group blocking (41).
     */
    CLEAR_LOCALLY(Kind.LOCAL),
    // received messages: discarded when the state has no row, an idle circuit is reset (Q.764 2.9.5.1)
    IAM(Kind.RECEIVED),
    /** IAM with continuity check indicator 01: check on this circuit, loop connected, T8. */
    IAM_CONTINUITY_REQUIRED(Kind.RECEIVED),
    /** IAM with continuity check indicator 10: check performed on a previous circuit, T8, no loop. */
    IAM_CONTINUITY_PREVIOUS(Kind.RECEIVED),
    /** An IAM on a circuit of an outgoing-only group: refused with REL. */
    IAM_REFUSED(Kind.RECEIVED),
    SAM_INCOMPLETE(Kind.RECEIVED),
    /** A SAM ending with the ST (end of pulsing) signal. */
    SAM_COMPLETE(Kind.RECEIVED),
    COT_SUCCESS(Kind.RECEIVED),
    COT_FAILURE(Kind.RECEIVED),
    ACM(Kind.RECEIVED),
    CPG(Kind.RECEIVED),
    ANM(Kind.RECEIVED),
    CON(Kind.RECEIVED),
    /** SUS (user) received by the controlling exchange: T2. */
    SUS_USER(Kind.RECEIVED),
    /** SUS (network) received by the controlling exchange: T6. */
    SUS_NETWORK(Kind.RECEIVED),
    /** SUS received by the non-controlling side (the other exchange runs T2/T6). */
    SUS_NOT_CONTROLLING(Kind.RECEIVED),
    RES(Kind.RECEIVED),
    REL(Kind.RECEIVED),
    RLC(Kind.RECEIVED),
    RSC(Kind.RECEIVED),
    CCR(Kind.RECEIVED),
    /** UCIC received: the other exchange does not have this CIC (Q.764 2.9.5.1). */
    UCIC(Kind.RECEIVED),
    /** An IAM received while ours awaits its first backward message and we control the CIC (Q.764 2.9.1.4). */
    DUAL_SEIZURE_WON(Kind.RECEIVED),
    /** As above, but the other exchange controls the CIC: we back off and re-attempt on another circuit. */
    DUAL_SEIZURE_LOST(Kind.RECEIVED),
    // indications: ignored when the state has no row
    /** BLO received while our IAM awaits its first backward message: release and re-attempt elsewhere. */
    BLOCKED_REMOTELY(Kind.INDICATION),
    /** The continuity tester heard its check tone come back. */
    TONE_RECEIVED(Kind.INDICATION),
    /** The continuity tester did not hear its check tone come back. */
    TONE_FAILED(Kind.INDICATION),
    T1_EXPIRED(Kind.INDICATION),
    T2_EXPIRED(Kind.INDICATION),
    T5_EXPIRED(Kind.INDICATION),
    T6_EXPIRED(Kind.INDICATION),
    T7_EXPIRED(Kind.INDICATION),
    T8_EXPIRED(Kind.INDICATION),
    T9_EXPIRED(Kind.INDICATION),
    T16_EXPIRED(Kind.INDICATION),
    T17_EXPIRED(Kind.INDICATION),
    T24_EXPIRED(Kind.INDICATION),
    T25_EXPIRED(Kind.INDICATION),
    T26_EXPIRED(Kind.INDICATION),
    T27_EXPIRED(Kind.INDICATION),
    T35_EXPIRED(Kind.INDICATION),
    T36_EXPIRED(Kind.INDICATION);

    /** Where an event comes from, which decides what happens when the state has no row for it. */
    public enum Kind {
        /** The application or the maintenance procedures asked: refused. */
        LOCAL,
        /** The other exchange sent it: discarded, or the circuit reset if idle (Q.764 2.9.5.1). */
        RECEIVED,
        /** A timer or tester result, or a maintenance indication: ignored. */
        INDICATION
    }

    private final Kind kind;

    CallEvent(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True for events caused by a received message. */
    public boolean isReceived() {
        return kind == Kind.RECEIVED;
    }

    /** The expiry event of a call timer; throws for the maintenance timers (T12-T15, T18-T23), not events here. */
    public static CallEvent expiryOf(IsupTimer timer) {
        return valueOf(timer.name() + "_EXPIRED");
    }
}
