package org.pstngw.sipi.isup;

/** Q.850 cause values (7 bits). Open enum: {@link #valueOf(int)} returns a value for any code. */
public final class CauseValue implements Comparable<CauseValue> {
    private static final CauseValue[] BY_CODE = new CauseValue[128];

    public static final CauseValue UNALLOCATED_NUMBER = define(1, "UNALLOCATED_NUMBER");
    public static final CauseValue NO_ROUTE_TO_TRANSIT_NETWORK = define(2, "NO_ROUTE_TO_TRANSIT_NETWORK");
    public static final CauseValue NO_ROUTE_TO_DESTINATION = define(3, "NO_ROUTE_TO_DESTINATION");
    public static final CauseValue NORMAL_CALL_CLEARING = define(16, "NORMAL_CALL_CLEARING");
    public static final CauseValue USER_BUSY = define(17, "USER_BUSY");
    public static final CauseValue NO_USER_RESPONDING = define(18, "NO_USER_RESPONDING");
    public static final CauseValue NO_ANSWER_FROM_USER = define(19, "NO_ANSWER_FROM_USER");
    public static final CauseValue SUBSCRIBER_ABSENT = define(20, "SUBSCRIBER_ABSENT");
    public static final CauseValue CALL_REJECTED = define(21, "CALL_REJECTED");
    public static final CauseValue NUMBER_CHANGED = define(22, "NUMBER_CHANGED");
    public static final CauseValue REDIRECTION_TO_NEW_DESTINATION = define(23, "REDIRECTION_TO_NEW_DESTINATION");
    public static final CauseValue NON_SELECTED_USER_CLEARING = define(26, "NON_SELECTED_USER_CLEARING");
    public static final CauseValue DESTINATION_OUT_OF_ORDER = define(27, "DESTINATION_OUT_OF_ORDER");
    public static final CauseValue INVALID_NUMBER_FORMAT = define(28, "INVALID_NUMBER_FORMAT");
    public static final CauseValue FACILITY_REJECTED = define(29, "FACILITY_REJECTED");
    public static final CauseValue NORMAL_UNSPECIFIED = define(31, "NORMAL_UNSPECIFIED");
    public static final CauseValue NO_CIRCUIT_AVAILABLE = define(34, "NO_CIRCUIT_AVAILABLE");
    public static final CauseValue NETWORK_OUT_OF_ORDER = define(38, "NETWORK_OUT_OF_ORDER");
    public static final CauseValue TEMPORARY_FAILURE = define(41, "TEMPORARY_FAILURE");
    public static final CauseValue SWITCHING_EQUIPMENT_CONGESTION = define(42, "SWITCHING_EQUIPMENT_CONGESTION");
    public static final CauseValue REQUESTED_CIRCUIT_NOT_AVAILABLE = define(44, "REQUESTED_CIRCUIT_NOT_AVAILABLE");
    public static final CauseValue RESOURCE_UNAVAILABLE_UNSPECIFIED = define(47, "RESOURCE_UNAVAILABLE_UNSPECIFIED");
    public static final CauseValue INCOMING_CALLS_BARRED_WITHIN_CUG = define(55, "INCOMING_CALLS_BARRED_WITHIN_CUG");
    public static final CauseValue BEARER_CAPABILITY_NOT_AUTHORIZED = define(57, "BEARER_CAPABILITY_NOT_AUTHORIZED");
    public static final CauseValue BEARER_CAPABILITY_NOT_PRESENTLY_AVAILABLE =
            define(58, "BEARER_CAPABILITY_NOT_PRESENTLY_AVAILABLE");
    public static final CauseValue SERVICE_OR_OPTION_NOT_AVAILABLE = define(63, "SERVICE_OR_OPTION_NOT_AVAILABLE");
    public static final CauseValue BEARER_CAPABILITY_NOT_IMPLEMENTED = define(65, "BEARER_CAPABILITY_NOT_IMPLEMENTED");
    public static final CauseValue REQUESTED_FACILITY_NOT_IMPLEMENTED =
            define(69, "REQUESTED_FACILITY_NOT_IMPLEMENTED");
    public static final CauseValue ONLY_RESTRICTED_DIGITAL_AVAILABLE = define(70, "ONLY_RESTRICTED_DIGITAL_AVAILABLE");
    public static final CauseValue SERVICE_OR_OPTION_NOT_IMPLEMENTED = define(79, "SERVICE_OR_OPTION_NOT_IMPLEMENTED");
    public static final CauseValue USER_NOT_MEMBER_OF_CUG = define(87, "USER_NOT_MEMBER_OF_CUG");
    public static final CauseValue INCOMPATIBLE_DESTINATION = define(88, "INCOMPATIBLE_DESTINATION");
    public static final CauseValue INVALID_TRANSIT_NETWORK_SELECTION = define(91, "INVALID_TRANSIT_NETWORK_SELECTION");
    public static final CauseValue INVALID_MESSAGE_UNSPECIFIED = define(95, "INVALID_MESSAGE_UNSPECIFIED");
    public static final CauseValue MESSAGE_TYPE_NON_EXISTENT = define(97, "MESSAGE_TYPE_NON_EXISTENT");
    public static final CauseValue PARAMETER_NON_EXISTENT_DISCARDED = define(99, "PARAMETER_NON_EXISTENT_DISCARDED");
    public static final CauseValue RECOVERY_ON_TIMER_EXPIRY = define(102, "RECOVERY_ON_TIMER_EXPIRY");
    public static final CauseValue PARAMETER_NON_EXISTENT_PASSED_ON = define(103, "PARAMETER_NON_EXISTENT_PASSED_ON");
    public static final CauseValue MESSAGE_WITH_UNRECOGNIZED_PARAMETER_DISCARDED =
            define(110, "MESSAGE_WITH_UNRECOGNIZED_PARAMETER_DISCARDED");
    public static final CauseValue PROTOCOL_ERROR_UNSPECIFIED = define(111, "PROTOCOL_ERROR_UNSPECIFIED");
    public static final CauseValue INTERWORKING_UNSPECIFIED = define(127, "INTERWORKING_UNSPECIFIED");

    private final int code;
    private final String name;

    private CauseValue(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static CauseValue define(int code, String name) {
        CauseValue c = new CauseValue(code, name);
        BY_CODE[code] = c;
        return c;
    }

    /**
     * The named constant for {@code code}, or a value named {@code CAUSE_n}.
     *
     * @throws IllegalArgumentException when {@code code} is not a 7-bit cause value (0-127): a caller's mistake, which
     *     used to be masked silently (200 became 72)
     */
    public static CauseValue valueOf(int code) {
        if (code < 0 || code > 0x7F) {
            throw new IllegalArgumentException("a cause value has 7 bits: " + code);
        }
        return fromOctet(code);
    }

    /** The cause value of a cause indicators octet: its low 7 bits (bit 8 is the extension bit); never throws. */
    static CauseValue fromOctet(int octet) {
        int c = octet & 0x7F;
        CauseValue v = BY_CODE[c];
        return v != null ? v : new CauseValue(c, "CAUSE_" + c);
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** Q.850 class: the upper 3 bits of the 7-bit value (0/1 normal, 2 resource unavailable, ...). */
    public int causeClass() {
        return code >> 4;
    }

    @Override
    public int compareTo(CauseValue o) {
        return Integer.compare(code, o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CauseValue c && c.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
