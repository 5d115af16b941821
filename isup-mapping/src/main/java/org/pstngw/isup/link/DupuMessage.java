package org.pstngw.isup.link;

import java.io.ByteArrayOutputStream;
import java.util.OptionalLong;

/**
 * The M3UA Destination User Part Unavailable message (DUPU, RFC 4666 3.4.5), encoded for a signalling gateway that
 * tells its ASPs a remote user part is unavailable. jSS7's SGW does not originate DUPU; the simulated exchange sends
 * this one on its association.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version = 1  |  Reserved     | Class = 2 SSNM| Type = 5 DUPU |
 * +---------------------------------------------------------------+
 * |                        Message Length                         |
 * +-------------------------------+-------------------------------+
 * |         Tag = 0x0200          |          Length = 8           |  optional
 * |                      Network Appearance                       |
 * +-------------------------------+-------------------------------+
 * |         Tag = 0x0006          |          Length = 8           |  conditional
 * |                        Routing Context                        |
 * +-------------------------------+-------------------------------+
 * |         Tag = 0x0012          |          Length = 8           |
 * |    Mask = 0   |              Affected Point Code              |
 * +-------------------------------+-------------------------------+
 * |         Tag = 0x0204          |          Length = 8           |
 * |           Cause               |          User Identity        |
 * +-------------------------------+-------------------------------+
 * </pre>
 *
 * <p>Causes: 0 unknown, 1 unequipped remote user, 2 inaccessible remote user. jSS7 8.0.0-168 reads this parameter
 * with user and cause swapped ({@code UserCauseImpl}) and maps cause codes one off ({@code
 * Mtp3StatusCause.getMtp3StatusCause}: 0 becomes "signalling network congested"): an RFC-conformant DUPU reaches its
 * MTP3 user as MTP-STATUS with no cause. {@link M3uaIsupLink} therefore treats every MTP-STATUS that is not congestion
 * as user part unavailable.
 */
public final class DupuMessage {

    /** RFC 4666 3.4.5 cause: the remote user part is inaccessible. */
    public static final int INACCESSIBLE_REMOTE_USER = 2;

    /** RFC 4666 3.2 parameter tags. */
    private static final int TAG_NETWORK_APPEARANCE = 0x0200;

    private static final int TAG_ROUTING_CONTEXT = 0x0006;
    private static final int TAG_AFFECTED_POINT_CODE = 0x0012;
    private static final int TAG_USER_CAUSE = 0x0204;
    /** RFC 4666 3.1.2: message class SSNM, message type DUPU. */
    private static final int CLASS_SSNM = 2;

    private static final int TYPE_DUPU = 5;

    private DupuMessage() {}

    /**
     * @param routingContext the AS's routing context, if it has one
     * @param networkAppearance the network appearance, if used
     * @param affectedPc the point code whose user part is unavailable (24 bits)
     * @param cause unavailability cause (0..2)
     * @param userIdentity the MTP3 user (5 = ISUP)
     */
    public static byte[] encode(
            OptionalLong routingContext, OptionalLong networkAppearance, int affectedPc, int cause, int userIdentity) {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        networkAppearance.ifPresent(na -> parameter(params, TAG_NETWORK_APPEARANCE, (int) na));
        routingContext.ifPresent(rc -> parameter(params, TAG_ROUTING_CONTEXT, (int) rc));
        parameter(params, TAG_AFFECTED_POINT_CODE, affectedPc & 0x00FF_FFFF);
        parameter(params, TAG_USER_CAUSE, (cause & 0xFFFF) << 16 | (userIdentity & 0xFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(0);
        out.write(CLASS_SSNM);
        out.write(TYPE_DUPU);
        int32(out, 8 + params.size());
        out.writeBytes(params.toByteArray());
        return out.toByteArray();
    }

    private static void parameter(ByteArrayOutputStream out, int tag, int value) {
        out.write(tag >> 8);
        out.write(tag);
        out.write(0);
        out.write(8);
        int32(out, value);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
