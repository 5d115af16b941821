package org.pstngw.sipi.isup;

/**
 * ISUP parameter name codes (Q.763 Table 5; T1.113.3 adds a few above 0xC0). Open enum: {@link #valueOf(int)}
 * returns a value for any code, so a parameter the gateway does not interpret still has a code and passes through.
 */
public final class ParameterCode extends OpenCode<ParameterCode> {
    private static final Registry<ParameterCode> CODES =
            new Registry<>(256, ParameterCode::new, c -> String.format("UNKNOWN(0x%02X)", c));

    public static final ParameterCode CALL_REFERENCE = CODES.define(0x01, "CALL_REFERENCE");
    public static final ParameterCode TRANSMISSION_MEDIUM_REQUIREMENT =
            CODES.define(0x02, "TRANSMISSION_MEDIUM_REQUIREMENT");
    public static final ParameterCode ACCESS_TRANSPORT = CODES.define(0x03, "ACCESS_TRANSPORT");
    public static final ParameterCode CALLED_PARTY_NUMBER = CODES.define(0x04, "CALLED_PARTY_NUMBER");
    public static final ParameterCode SUBSEQUENT_NUMBER = CODES.define(0x05, "SUBSEQUENT_NUMBER");
    public static final ParameterCode NATURE_OF_CONNECTION_INDICATORS =
            CODES.define(0x06, "NATURE_OF_CONNECTION_INDICATORS");
    public static final ParameterCode FORWARD_CALL_INDICATORS = CODES.define(0x07, "FORWARD_CALL_INDICATORS");
    public static final ParameterCode OPTIONAL_FORWARD_CALL_INDICATORS =
            CODES.define(0x08, "OPTIONAL_FORWARD_CALL_INDICATORS");
    public static final ParameterCode CALLING_PARTYS_CATEGORY = CODES.define(0x09, "CALLING_PARTYS_CATEGORY");
    public static final ParameterCode CALLING_PARTY_NUMBER = CODES.define(0x0A, "CALLING_PARTY_NUMBER");
    public static final ParameterCode REDIRECTING_NUMBER = CODES.define(0x0B, "REDIRECTING_NUMBER");
    public static final ParameterCode REDIRECTION_NUMBER = CODES.define(0x0C, "REDIRECTION_NUMBER");
    public static final ParameterCode CONNECTION_REQUEST = CODES.define(0x0D, "CONNECTION_REQUEST");
    public static final ParameterCode INFORMATION_REQUEST_INDICATORS =
            CODES.define(0x0E, "INFORMATION_REQUEST_INDICATORS");
    public static final ParameterCode INFORMATION_INDICATORS = CODES.define(0x0F, "INFORMATION_INDICATORS");
    public static final ParameterCode CONTINUITY_INDICATORS = CODES.define(0x10, "CONTINUITY_INDICATORS");
    public static final ParameterCode BACKWARD_CALL_INDICATORS = CODES.define(0x11, "BACKWARD_CALL_INDICATORS");
    public static final ParameterCode CAUSE_INDICATORS = CODES.define(0x12, "CAUSE_INDICATORS");
    public static final ParameterCode REDIRECTION_INFORMATION = CODES.define(0x13, "REDIRECTION_INFORMATION");
    public static final ParameterCode CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE =
            CODES.define(0x15, "CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE");
    public static final ParameterCode RANGE_AND_STATUS = CODES.define(0x16, "RANGE_AND_STATUS");
    public static final ParameterCode FACILITY_INDICATOR = CODES.define(0x18, "FACILITY_INDICATOR");
    public static final ParameterCode CLOSED_USER_GROUP_INTERLOCK_CODE =
            CODES.define(0x1A, "CLOSED_USER_GROUP_INTERLOCK_CODE");
    public static final ParameterCode USER_SERVICE_INFORMATION = CODES.define(0x1D, "USER_SERVICE_INFORMATION");
    public static final ParameterCode SIGNALLING_POINT_CODE = CODES.define(0x1E, "SIGNALLING_POINT_CODE");
    public static final ParameterCode USER_TO_USER_INFORMATION = CODES.define(0x20, "USER_TO_USER_INFORMATION");
    public static final ParameterCode CONNECTED_NUMBER = CODES.define(0x21, "CONNECTED_NUMBER");
    public static final ParameterCode SUSPEND_RESUME_INDICATORS = CODES.define(0x22, "SUSPEND_RESUME_INDICATORS");
    public static final ParameterCode TRANSIT_NETWORK_SELECTION = CODES.define(0x23, "TRANSIT_NETWORK_SELECTION");
    public static final ParameterCode EVENT_INFORMATION = CODES.define(0x24, "EVENT_INFORMATION");
    public static final ParameterCode CIRCUIT_STATE_INDICATOR = CODES.define(0x26, "CIRCUIT_STATE_INDICATOR");
    public static final ParameterCode AUTOMATIC_CONGESTION_LEVEL = CODES.define(0x27, "AUTOMATIC_CONGESTION_LEVEL");
    public static final ParameterCode ORIGINAL_CALLED_NUMBER = CODES.define(0x28, "ORIGINAL_CALLED_NUMBER");
    public static final ParameterCode OPTIONAL_BACKWARD_CALL_INDICATORS =
            CODES.define(0x29, "OPTIONAL_BACKWARD_CALL_INDICATORS");
    public static final ParameterCode USER_TO_USER_INDICATORS = CODES.define(0x2A, "USER_TO_USER_INDICATORS");
    public static final ParameterCode GENERIC_NOTIFICATION = CODES.define(0x2C, "GENERIC_NOTIFICATION");
    public static final ParameterCode CALL_HISTORY_INFORMATION = CODES.define(0x2D, "CALL_HISTORY_INFORMATION");
    public static final ParameterCode ACCESS_DELIVERY_INFORMATION = CODES.define(0x2E, "ACCESS_DELIVERY_INFORMATION");
    public static final ParameterCode PROPAGATION_DELAY_COUNTER = CODES.define(0x31, "PROPAGATION_DELAY_COUNTER");
    public static final ParameterCode REMOTE_OPERATIONS = CODES.define(0x32, "REMOTE_OPERATIONS");
    public static final ParameterCode TRANSMISSION_MEDIUM_USED = CODES.define(0x35, "TRANSMISSION_MEDIUM_USED");
    public static final ParameterCode CALL_DIVERSION_INFORMATION = CODES.define(0x36, "CALL_DIVERSION_INFORMATION");
    public static final ParameterCode ECHO_CONTROL_INFORMATION = CODES.define(0x37, "ECHO_CONTROL_INFORMATION");
    public static final ParameterCode MESSAGE_COMPATIBILITY_INFORMATION =
            CODES.define(0x38, "MESSAGE_COMPATIBILITY_INFORMATION");
    public static final ParameterCode PARAMETER_COMPATIBILITY_INFORMATION =
            CODES.define(0x39, "PARAMETER_COMPATIBILITY_INFORMATION");
    public static final ParameterCode HOP_COUNTER = CODES.define(0x3D, "HOP_COUNTER");
    public static final ParameterCode LOCATION_NUMBER = CODES.define(0x3F, "LOCATION_NUMBER");
    public static final ParameterCode APPLICATION_TRANSPORT = CODES.define(0x78, "APPLICATION_TRANSPORT");
    public static final ParameterCode GENERIC_NUMBER = CODES.define(0xC0, "GENERIC_NUMBER");
    public static final ParameterCode GENERIC_DIGITS = CODES.define(0xC1, "GENERIC_DIGITS");
    public static final ParameterCode JURISDICTION_INFORMATION = CODES.define(0xC4, "JURISDICTION_INFORMATION");

    private ParameterCode(int code, String name) {
        super(code, name);
    }

    /** The named constant for {@code code} (0-255), or a value named {@code UNKNOWN(0xNN)}; never throws. */
    public static ParameterCode valueOf(int code) {
        return CODES.valueOf(code & 0xFF);
    }

    /** Whether this is one of the named constants above: a parameter this module knows. */
    public boolean isKnown() {
        return CODES.isDefined(this);
    }
}
