package org.pstngw.sipi.isup;

/** Q.850 cause values (7 bits). Open enum: {@link #valueOf(int)} returns a value for any code. */
public final class CauseValue extends OpenCode<CauseValue> {
    private static final Registry<CauseValue> CODES = new Registry<>(128, CauseValue::new, c -> "CAUSE_" + c);

    public static final CauseValue UNALLOCATED_NUMBER = CODES.define(1, "UNALLOCATED_NUMBER");
    public static final CauseValue NO_ROUTE_TO_TRANSIT_NETWORK = CODES.define(2, "NO_ROUTE_TO_TRANSIT_NETWORK");
    public static final CauseValue NO_ROUTE_TO_DESTINATION = CODES.define(3, "NO_ROUTE_TO_DESTINATION");
    public static final CauseValue NORMAL_CALL_CLEARING = CODES.define(16, "NORMAL_CALL_CLEARING");
    public static final CauseValue USER_BUSY = CODES.define(17, "USER_BUSY");
    public static final CauseValue NO_USER_RESPONDING = CODES.define(18, "NO_USER_RESPONDING");
    public static final CauseValue NO_ANSWER_FROM_USER = CODES.define(19, "NO_ANSWER_FROM_USER");
    public static final CauseValue SUBSCRIBER_ABSENT = CODES.define(20, "SUBSCRIBER_ABSENT");
    public static final CauseValue CALL_REJECTED = CODES.define(21, "CALL_REJECTED");
    public static final CauseValue NUMBER_CHANGED = CODES.define(22, "NUMBER_CHANGED");
    public static final CauseValue REDIRECTION_TO_NEW_DESTINATION = CODES.define(23, "REDIRECTION_TO_NEW_DESTINATION");
    public static final CauseValue NON_SELECTED_USER_CLEARING = CODES.define(26, "NON_SELECTED_USER_CLEARING");
    public static final CauseValue DESTINATION_OUT_OF_ORDER = CODES.define(27, "DESTINATION_OUT_OF_ORDER");
    public static final CauseValue INVALID_NUMBER_FORMAT = CODES.define(28, "INVALID_NUMBER_FORMAT");
    public static final CauseValue FACILITY_REJECTED = CODES.define(29, "FACILITY_REJECTED");
    public static final CauseValue NORMAL_UNSPECIFIED = CODES.define(31, "NORMAL_UNSPECIFIED");
    public static final CauseValue NO_CIRCUIT_AVAILABLE = CODES.define(34, "NO_CIRCUIT_AVAILABLE");
    public static final CauseValue NETWORK_OUT_OF_ORDER = CODES.define(38, "NETWORK_OUT_OF_ORDER");
    public static final CauseValue TEMPORARY_FAILURE = CODES.define(41, "TEMPORARY_FAILURE");
    public static final CauseValue SWITCHING_EQUIPMENT_CONGESTION = CODES.define(42, "SWITCHING_EQUIPMENT_CONGESTION");
    public static final CauseValue REQUESTED_CIRCUIT_NOT_AVAILABLE =
            CODES.define(44, "REQUESTED_CIRCUIT_NOT_AVAILABLE");
    public static final CauseValue RESOURCE_UNAVAILABLE_UNSPECIFIED =
            CODES.define(47, "RESOURCE_UNAVAILABLE_UNSPECIFIED");
    public static final CauseValue INCOMING_CALLS_BARRED_WITHIN_CUG =
            CODES.define(55, "INCOMING_CALLS_BARRED_WITHIN_CUG");
    public static final CauseValue BEARER_CAPABILITY_NOT_AUTHORIZED =
            CODES.define(57, "BEARER_CAPABILITY_NOT_AUTHORIZED");
    public static final CauseValue BEARER_CAPABILITY_NOT_PRESENTLY_AVAILABLE =
            CODES.define(58, "BEARER_CAPABILITY_NOT_PRESENTLY_AVAILABLE");
    public static final CauseValue SERVICE_OR_OPTION_NOT_AVAILABLE =
            CODES.define(63, "SERVICE_OR_OPTION_NOT_AVAILABLE");
    public static final CauseValue BEARER_CAPABILITY_NOT_IMPLEMENTED =
            CODES.define(65, "BEARER_CAPABILITY_NOT_IMPLEMENTED");
    public static final CauseValue REQUESTED_FACILITY_NOT_IMPLEMENTED =
            CODES.define(69, "REQUESTED_FACILITY_NOT_IMPLEMENTED");
    public static final CauseValue ONLY_RESTRICTED_DIGITAL_AVAILABLE =
            CODES.define(70, "ONLY_RESTRICTED_DIGITAL_AVAILABLE");
    public static final CauseValue SERVICE_OR_OPTION_NOT_IMPLEMENTED =
            CODES.define(79, "SERVICE_OR_OPTION_NOT_IMPLEMENTED");
    public static final CauseValue USER_NOT_MEMBER_OF_CUG = CODES.define(87, "USER_NOT_MEMBER_OF_CUG");
    public static final CauseValue INCOMPATIBLE_DESTINATION = CODES.define(88, "INCOMPATIBLE_DESTINATION");
    public static final CauseValue INVALID_TRANSIT_NETWORK_SELECTION =
            CODES.define(91, "INVALID_TRANSIT_NETWORK_SELECTION");
    public static final CauseValue INVALID_MESSAGE_UNSPECIFIED = CODES.define(95, "INVALID_MESSAGE_UNSPECIFIED");
    public static final CauseValue MESSAGE_TYPE_NON_EXISTENT = CODES.define(97, "MESSAGE_TYPE_NON_EXISTENT");
    public static final CauseValue PARAMETER_NON_EXISTENT_DISCARDED =
            CODES.define(99, "PARAMETER_NON_EXISTENT_DISCARDED");
    public static final CauseValue RECOVERY_ON_TIMER_EXPIRY = CODES.define(102, "RECOVERY_ON_TIMER_EXPIRY");
    public static final CauseValue PARAMETER_NON_EXISTENT_PASSED_ON =
            CODES.define(103, "PARAMETER_NON_EXISTENT_PASSED_ON");
    public static final CauseValue MESSAGE_WITH_UNRECOGNIZED_PARAMETER_DISCARDED =
            CODES.define(110, "MESSAGE_WITH_UNRECOGNIZED_PARAMETER_DISCARDED");
    public static final CauseValue PROTOCOL_ERROR_UNSPECIFIED = CODES.define(111, "PROTOCOL_ERROR_UNSPECIFIED");
    public static final CauseValue INTERWORKING_UNSPECIFIED = CODES.define(127, "INTERWORKING_UNSPECIFIED");

    private CauseValue(int code, String name) {
        super(code, name);
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
        return CODES.valueOf(code);
    }

    /** The cause value of a cause indicators octet: its low 7 bits (bit 8 is the extension bit); never throws. */
    static CauseValue fromOctet(int octet) {
        return CODES.valueOf(octet & 0x7F);
    }

    /** Q.850 class: the upper 3 bits of the 7-bit value (0/1 normal, 2 resource unavailable, ...). */
    public int causeClass() {
        return code() >> 4;
    }

    @Override
    public String toString() {
        return name() + "(" + code() + ")";
    }
}
