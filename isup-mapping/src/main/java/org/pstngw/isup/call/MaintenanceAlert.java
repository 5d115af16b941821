package org.pstngw.isup.call;

/** Why call control asks for human attention on a circuit (Q.764 "alert maintenance personnel"). */
public enum MaintenanceAlert {
    /** T5: no RLC for our REL; RSC sent, the circuit out of service until it is acknowledged. */
    NO_RELEASE_COMPLETE,
    /** T17: no RLC for our RSC; RSC repeated every T17. */
    NO_RESET_ACKNOWLEDGEMENT,
    /** T13/T15: no BLA/UBA for our BLO/UBL; repeated every T13/T15. */
    NO_BLOCKING_ACKNOWLEDGEMENT,
    /** T19/T21: no CGBA/CGUA for our CGB/CGU; repeated every T19/T21. */
    NO_GROUP_BLOCKING_ACKNOWLEDGEMENT,
    /** T23: no GRA for our GRS; repeated every T23. */
    NO_GROUP_RESET_ACKNOWLEDGEMENT,
    /** T28: no CQR for our CQM. */
    NO_QUERY_RESPONSE,
    /** A CGBA/CGUA acknowledged other circuits than asked. */
    GROUP_BLOCKING_MISMATCH,
    /** The repeated continuity check failed again. */
    CONTINUITY_FAILURE,
    /** The other exchange answered with UCIC: it does not have the CIC; the circuit is out of service. */
    UNEQUIPPED_REMOTELY,
    /**
     * A message for this circuit was refused by the link for longer than call control holds messages: it was not sent
     * (the procedure's own timer repeats it, or the other exchange's does).
     */
    MESSAGE_NOT_SENT
}
