package org.pstngw.sipi.isup;

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
        return IsupDecoder.decode(bytes, 2, bytes.length, cic, variant);
    }

    /** Decodes the SIP-I body form (starting with the message type), giving the message {@code cic}. */
    public static DecodeResult decodeWithoutCic(byte[] bytes, IsupVariant variant, int cic) {
        return decodeWithoutCic(bytes, 0, bytes == null ? 0 : bytes.length, variant, cic);
    }

    /**
     * As {@link #decodeWithoutCic(byte[], IsupVariant, int)}, on the octets {@code from} to {@code to} of
     * {@code bytes} (a part of a SIP-I body, read in place: the message copies what it keeps). A null array, or a range
     * that is not within it, decodes as an empty body.
     */
    public static DecodeResult decodeWithoutCic(byte[] bytes, int from, int to, IsupVariant variant, int cic) {
        if (bytes == null || from < 0 || to > bytes.length || to - from < 1) {
            return new DecodeResult.DecodeError(null, null, "empty ISUP body");
        }
        if (cic < 0 || cic > cicMax(variant)) {
            return new DecodeResult.DecodeError(
                    IsupMessageType.valueOf(bytes[from]), null, "CIC " + cic + " out of range for " + variant);
        }
        return IsupDecoder.decode(bytes, from, to, cic, variant);
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
                    && IsupDecoder.decode(out, head, out.length, message.cic(), variant)
                            instanceof DecodeResult.DecodeError e) {
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
        IsupDecoder.Params params = new IsupDecoder.Params(4);
        if (IsupDecoder.optionalPart(params, IsupMessageType.valueOf(0), body, 1, body.length) != null) {
            return null;
        }
        int end = 1;
        for (int i = 0; i < params.size(); i++) {
            end += 2 + params.get(i).length();
        }
        return end == body.length - 1 ? params.toParameters().asList() : null;
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
}
