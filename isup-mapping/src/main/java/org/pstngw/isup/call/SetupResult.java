package org.pstngw.isup.call;

/** Result of starting an outgoing call: the CIC it went out on, or the Q.850 cause of an immediate refusal. */
public sealed interface SetupResult {

    /** Q.850 #34 no circuit/channel available (also: destination unreachable, refused at once). */
    int NO_CIRCUIT = 34;

    /** Q.850 #79 service or option not implemented (continuity check asked, no continuity tester). */
    int NOT_IMPLEMENTED = 79;

    /** Q.850 #111 protocol error, unspecified: the application's IAM parameters cannot be encoded. */
    int PROTOCOL_ERROR = 111;

    /** The IAM went out on {@code cic}. */
    record Started(int cic) implements SetupResult {}

    /** No IAM went out: 34 no circuit/destination unreachable, 111 unencodable IAM, 79 no continuity tester. */
    record Refused(int cause) implements SetupResult {}
}
