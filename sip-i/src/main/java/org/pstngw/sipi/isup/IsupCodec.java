package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.List;

/**
 * ISUP message codec (Q.763 section 1: CIC, message type, mandatory fixed part, pointers, mandatory variable part,
 * optional part ended by 0x00). Table-driven on {@link MessageFormat}; parameters travel as raw (code, bytes), so an
 * optional parameter the gateway does not know, or does not interpret, comes out as it went in.
 *
 * <p>{@link #encode}/{@link #decode} work on the M3UA form, which starts with the 2-octet CIC (low octet first; 12 bits
 * in ITU, Q.763 1.2, 14 bits in ANSI, T1.113.3; the spare high bits are sent as 0 and ignored on receipt).
 * {@link #encodeWithoutCic}/{@link #decodeWithoutCic} work on the SIP-I {@code application/ISUP} form, which starts
 * with the message type. Neither direction throws: a message that does not fit the variant is an
 * {@link EncodeResult.EncodeError}, bad input a {@link DecodeResult.DecodeError}. The encoder holds mandatory
 * parameters to the rules the decoder applies to them (a called number or cause too short to read is an encode error),
 * so it never sends what this decoder, or a peer's, would reject.
 *
 * <p>Decoding is lenient where Q.764 2.9.5 (receipt of unrecognised information) asks a node to carry on rather than
 * reject: an optional parameter is kept as opaque octets even when its contents are malformed for the typed view the
 * gateway has for it (the typed getters of {@link IsupMessage} then report it as absent, and it is re-encoded
 * unchanged); a parameter in the optional part that repeats a mandatory parameter's code is kept too. Octets after the
 * end-of-optional-parameters octet, or after the last mandatory parameter of a message without an optional part, are
 * reached by no pointer and no length: they belong to no parameter, so no compatibility information can apply to them.
 * They are ignored (the message decodes, and re-encodes without them). A mandatory parameter that is missing,
 * truncated or too short for its typed view is a decode error: the message cannot be acted on.
 */
public final class IsupCodec {
    /** MTP3 signalling information field, Q.704 2.3.8 and T1.111.4: at most 272 octets, routing label included. */
    public static final int MAX_SIF_OCTETS = 272;

    /** ISUP octets an ITU MSU can carry, CIC included: the SIF less the 4-octet routing label. */
    public static final int MAX_ITU_OCTETS = MAX_SIF_OCTETS - 4;

    /** ISUP octets an ANSI MSU can carry, CIC included: the SIF less the 7-octet routing label. */
    public static final int MAX_ANSI_OCTETS = MAX_SIF_OCTETS - 7;

    private IsupCodec() {}

    /** M3UA form: CIC (2 octets, low first), message type, parameters. */
    public static EncodeResult encode(IsupMessage message, IsupVariant variant) {
        return encode(message, variant, true);
    }

    /** SIP-I body form: message type, parameters (no CIC). */
    public static EncodeResult encodeWithoutCic(IsupMessage message, IsupVariant variant) {
        return encode(message, variant, false);
    }

    /** Decodes the M3UA form (starting with the CIC). */
    public static DecodeResult decode(byte[] bytes, IsupVariant variant) {
        if (bytes == null || bytes.length < 3) {
            return new DecodeResult.DecodeError(null, null, "shorter than CIC and message type");
        }
        int cic = (bytes[0] & 0xFF) | (bytes[1] & (cicMax(variant) >> 8)) << 8;
        return decode(bytes, 2, cic, variant);
    }

    /** Decodes the SIP-I body form (starting with the message type), giving the message {@code cic}. */
    public static DecodeResult decodeWithoutCic(byte[] bytes, IsupVariant variant, int cic) {
        if (bytes == null || bytes.length < 1) {
            return new DecodeResult.DecodeError(null, null, "empty ISUP body");
        }
        if (cic < 0 || cic > cicMax(variant)) {
            return new DecodeResult.DecodeError(
                    IsupMessageType.valueOf(bytes[0]), null, "CIC " + cic + " out of range for " + variant);
        }
        return decode(bytes, 0, cic, variant);
    }

    /** The largest CIC of the variant: 12 bits ITU (Q.763 1.2), 14 bits ANSI (T1.113.3). */
    public static int cicMax(IsupVariant variant) {
        return variant == IsupVariant.ANSI ? 0x3FFF : 0x0FFF;
    }

    private static EncodeResult encode(IsupMessage message, IsupVariant variant, boolean withCic) {
        IsupMessageType type = message.type();
        if (message.cic() > cicMax(variant)) {
            return error(type, null, "CIC " + message.cic() + " does not fit the " + variant + " CIC field");
        }
        int head = withCic ? 2 : 0;
        int limit = (variant == IsupVariant.ANSI ? MAX_ANSI_OCTETS : MAX_ITU_OCTETS) - 2 + head;
        if (message instanceof IsupMessage.Unknown u) {
            byte[] body = u.body();
            if (head + 1 + body.length > limit) {
                return error(type, null, tooLong(head + 1 + body.length, limit));
            }
            byte[] out = new byte[head + 1 + body.length];
            writeCic(out, message.cic(), withCic);
            out[head] = (byte) type.code();
            System.arraycopy(body, 0, out, head + 1, body.length);
            if (MessageFormat.of(variant, type.code()) != null
                    && decode(out, head, message.cic(), variant) instanceof DecodeResult.DecodeError e) {
                return error(type, e.parameter(), "body does not decode in the " + variant + " layout: " + e.reason());
            }
            return new EncodeResult.Encoded(out);
        }
        MessageFormat format = MessageFormat.of(variant, type.code());
        if (format == null) {
            return error(type, null, "no " + variant + " layout for this message type");
        }
        IsupParameters params = message.parameters();
        boolean[] mandatory = new boolean[params.size()];
        int[] fixed = new int[format.fixedCodes().length];
        int[] variable = new int[format.variableCodes().length];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = claim(params, mandatory, format.fixedCodes()[i]);
            if (fixed[i] < 0) {
                return missing(type, format.fixedCodes()[i]);
            }
            IsupParameter p = params.at(fixed[i]);
            if (p.length() != format.fixedLengths()[i]) {
                return error(type, p.code(), "must have " + format.fixedLengths()[i] + " octet(s), has " + p.length());
            }
            String unreadable = TypedParameters.check(p.code(), p.raw());
            if (unreadable != null) {
                return error(type, p.code(), unreadable);
            }
        }
        for (int i = 0; i < variable.length; i++) {
            variable[i] = claim(params, mandatory, format.variableCodes()[i]);
            if (variable[i] < 0) {
                return missing(type, format.variableCodes()[i]);
            }
            IsupParameter p = params.at(variable[i]);
            String unreadable = TypedParameters.check(p.code(), p.raw());
            if (unreadable != null) {
                return error(type, p.code(), unreadable); // the decoder (ours and the peer's) rejects it
            }
        }
        int optionalSize = 0;
        for (int i = 0; i < params.size(); i++) {
            if (!mandatory[i]) {
                IsupParameter p = params.at(i);
                if (!format.optionalPart()) {
                    return error(type, p.code(), "the message has no optional part to carry it");
                }
                optionalSize += 2 + p.length();
            }
        }
        int pos = head + 1;
        for (int i : fixed) {
            pos += params.at(i).length();
        }
        int pointers = variable.length + (format.optionalPart() ? 1 : 0);
        int dataPos = pos + pointers;
        for (int j = 0; j < variable.length; j++) {
            if (dataPos - (pos + j) > 255) {
                return error(type, params.at(variable[j]).code(), "pointer " + (dataPos - pos - j) + " over 255");
            }
            dataPos += 1 + params.at(variable[j]).length();
        }
        int size = dataPos;
        if (optionalSize > 0) {
            int pointer = dataPos - (pos + variable.length);
            if (pointer > 255) {
                return error(type, null, "optional part pointer " + pointer + " over 255");
            }
            size += optionalSize + 1;
        }
        if (size > limit) {
            return error(type, null, tooLong(size, limit));
        }
        byte[] out = new byte[size];
        writeCic(out, message.cic(), withCic);
        out[head] = (byte) type.code();
        int at = head + 1;
        for (int i : fixed) {
            at = copy(params.at(i).raw(), out, at);
        }
        int pointerPos = at;
        at += pointers;
        for (int i : variable) {
            out[pointerPos] = (byte) (at - pointerPos);
            pointerPos++;
            out[at++] = (byte) params.at(i).length();
            at = copy(params.at(i).raw(), out, at);
        }
        if (optionalSize > 0) {
            out[pointerPos] = (byte) (at - pointerPos);
            for (int i = 0; i < params.size(); i++) {
                if (!mandatory[i]) {
                    IsupParameter p = params.at(i);
                    out[at++] = (byte) p.code().code();
                    out[at++] = (byte) p.length();
                    at = copy(p.raw(), out, at);
                }
            }
            out[at] = 0; // end of optional parameters
        }
        return new EncodeResult.Encoded(out);
    }

    /** Index of the first not yet claimed parameter with {@code code}, marked claimed; -1 when there is none. */
    private static int claim(IsupParameters params, boolean[] claimed, int code) {
        for (int i = 0; i < params.size(); i++) {
            if (!claimed[i] && params.at(i).code().code() == code) {
                claimed[i] = true;
                return i;
            }
        }
        return -1;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static EncodeResult missing(IsupMessageType type, int code) {
        return error(type, ParameterCode.valueOf(code), "mandatory parameter missing");
    }

    private static EncodeResult.EncodeError error(IsupMessageType type, ParameterCode parameter, String reason) {
        return new EncodeResult.EncodeError(type, parameter, reason);
    }

    private static String tooLong(int size, int limit) {
        return size + " octets, over the " + limit + " an MTP3 signalling information field can carry";
    }

    private static void writeCic(byte[] out, int cic, boolean withCic) {
        if (withCic) {
            out[0] = (byte) cic;
            out[1] = (byte) (cic >> 8);
        }
    }

    private static DecodeResult decode(byte[] b, int start, int cic, IsupVariant variant) {
        IsupMessageType type = IsupMessageType.valueOf(b[start]);
        MessageFormat format = MessageFormat.of(variant, type.code());
        if (format == null) {
            byte[] body = new byte[b.length - start - 1];
            System.arraycopy(b, start + 1, body, 0, body.length);
            return new DecodeResult.Decoded(new IsupMessage.Unknown(cic, type, body));
        }
        List<IsupParameter> params = new ArrayList<>(format.fixedCodes().length + format.variableCodes().length + 4);
        int pos = start + 1;
        for (int i = 0; i < format.fixedCodes().length; i++) {
            ParameterCode code = ParameterCode.valueOf(format.fixedCodes()[i]);
            int len = format.fixedLengths()[i];
            if (pos + len > b.length) {
                return decodeError(type, code, "mandatory fixed parameter truncated");
            }
            DecodeResult.DecodeError e = mandatory(params, type, code, b, pos, len);
            if (e != null) {
                return e;
            }
            pos += len;
        }
        int pointerCount = format.variableCodes().length + (format.optionalPart() ? 1 : 0);
        if (pos + pointerCount > b.length) {
            if (format.variableCodes().length == 0 && pos == b.length) {
                return done(type, cic, params); // optional part pointer absent: tolerated, as jSS7 does
            }
            return decodeError(type, null, "pointers truncated");
        }
        int free = pos + pointerCount; // the first octet no pointer or parameter has taken yet
        for (int i = 0; i < format.variableCodes().length; i++) {
            ParameterCode code = ParameterCode.valueOf(format.variableCodes()[i]);
            int pointer = b[pos + i] & 0xFF;
            int at = pos + i + pointer;
            if (pointer == 0 || at >= b.length) {
                return decodeError(type, code, "pointer " + pointer + " points outside the message");
            }
            if (at < free) {
                return decodeError(
                        type, code, "pointer " + pointer + " points into the pointers or the parameter before");
            }
            int len = b[at] & 0xFF;
            if (at + 1 + len > b.length) {
                return decodeError(type, code, "length " + len + " runs past the end of the message");
            }
            DecodeResult.DecodeError e = mandatory(params, type, code, b, at + 1, len);
            if (e != null) {
                return e;
            }
            free = at + 1 + len;
        }
        if (format.optionalPart()) {
            int pointerAt = pos + format.variableCodes().length;
            int pointer = b[pointerAt] & 0xFF;
            if (pointer != 0 && pointerAt + pointer < free) {
                return decodeError(type, null, "optional part pointer " + pointer + " points into the mandatory part");
            }
            if (pointer != 0) {
                DecodeResult.DecodeError e = optionalPart(params, type, b, pointerAt + pointer);
                if (e != null) {
                    return e;
                }
            }
        }
        return done(type, cic, params);
    }

    /** Reads optional parameters from {@code at} up to and including the end octet into {@code params}. */
    private static DecodeResult.DecodeError optionalPart(
            List<IsupParameter> params, IsupMessageType type, byte[] b, int from) {
        int at = from;
        if (at >= b.length) {
            return decodeError(type, null, "optional part pointer points outside the message");
        }
        while (at < b.length && b[at] != 0) {
            ParameterCode code = ParameterCode.valueOf(b[at]);
            if (at + 1 >= b.length) {
                return decodeError(type, code, "length octet missing");
            }
            int len = b[at + 1] & 0xFF;
            if (at + 2 + len > b.length) {
                return decodeError(type, code, "length " + len + " runs past the end of the message");
            }
            byte[] value = new byte[len];
            System.arraycopy(b, at + 2, value, 0, len);
            params.add(new IsupParameter(code, value));
            at += 2 + len;
        }
        if (at >= b.length) {
            return decodeError(type, null, "end of optional parameters octet missing");
        }
        return null;
    }

    /**
     * The parameters of a body in the layout Q.763 gives the message types that carry only optional parameters (FAC,
     * APM, IDR/IRS, SGM, ...): a pointer to the optional part, the optional parameters, the end octet. Null when
     * {@code body} is not exactly in that layout (pointer 1, nothing after the end octet), so that what it returns
     * re-encodes, with {@link #optionalOnly}, to the same octets. An empty body has no parameters.
     */
    static List<IsupParameter> parseOptionalOnly(byte[] body) {
        if (body.length == 0 || (body.length == 1 && body[0] == 0)) {
            return List.of();
        }
        if (body[0] != 1 || body[body.length - 1] != 0) {
            return null;
        }
        List<IsupParameter> params = new ArrayList<>(4);
        if (optionalPart(params, IsupMessageType.valueOf(0), body, 1) != null) {
            return null;
        }
        int end = 1;
        for (IsupParameter p : params) {
            end += 2 + p.length();
        }
        return end == body.length - 1 ? params : null;
    }

    /** The body of {@link #parseOptionalOnly}'s layout for {@code params} (empty when there are none). */
    static byte[] optionalOnly(List<IsupParameter> params) {
        if (params.isEmpty()) {
            return new byte[0];
        }
        int size = 2;
        for (IsupParameter p : params) {
            size += 2 + p.length();
        }
        byte[] out = new byte[size];
        out[0] = 1;
        int at = 1;
        for (IsupParameter p : params) {
            out[at++] = (byte) p.code().code();
            out[at++] = (byte) p.length();
            at = copy(p.raw(), out, at);
        }
        return out;
    }

    private static DecodeResult done(IsupMessageType type, int cic, List<IsupParameter> params) {
        return new DecodeResult.Decoded(IsupMessage.of(type, cic, IsupParameters.of(params)));
    }

    /** A mandatory parameter: it must be long enough for its typed view, or the message cannot be acted on. */
    private static DecodeResult.DecodeError mandatory(
            List<IsupParameter> params, IsupMessageType type, ParameterCode code, byte[] b, int from, int len) {
        byte[] value = new byte[len];
        System.arraycopy(b, from, value, 0, len);
        String problem = TypedParameters.check(code, value);
        if (problem != null) {
            return decodeError(type, code, problem);
        }
        params.add(new IsupParameter(code, value));
        return null;
    }

    private static DecodeResult.DecodeError decodeError(IsupMessageType type, ParameterCode code, String reason) {
        return new DecodeResult.DecodeError(type, code, reason);
    }
}
