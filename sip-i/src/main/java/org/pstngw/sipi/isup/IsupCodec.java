package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.List;

/**
 * ISUP message codec (Q.763 section 1: CIC, message type, mandatory fixed part, pointers, mandatory variable part,
 * optional part ended by 0x00). Table-driven on {@link MessageFormat}; parameters travel as raw (code, bytes), so an
 * optional parameter the gateway does not know, or does not interpret, comes out as it went in.
 *
 * <p>{@link #encode}/{@link #decode} work on the M3UA form, which starts with the 2-octet CIC (low octet first).
 * {@link #encodeWithoutCic}/{@link #decodeWithoutCic} work on the SIP-I {@code application/ISUP} form, which starts with
 * the message type. Decoding never throws: bad input is a {@link DecodeResult.DecodeError}.
 */
public final class IsupCodec {
    private IsupCodec() {}

    /** M3UA form: CIC (2 octets, low first), message type, parameters. */
    public static byte[] encode(IsupMessage message, IsupVariant variant) {
        return encode(message, variant, true);
    }

    /** SIP-I body form: message type, parameters (no CIC). */
    public static byte[] encodeWithoutCic(IsupMessage message, IsupVariant variant) {
        return encode(message, variant, false);
    }

    /** Decodes the M3UA form (starting with the CIC). */
    public static DecodeResult decode(byte[] bytes, IsupVariant variant) {
        if (bytes == null || bytes.length < 3) {
            return new DecodeResult.DecodeError(null, null, "shorter than CIC and message type");
        }
        int cic = (bytes[0] & 0xFF) | (bytes[1] & (variant == IsupVariant.ANSI ? 0x3F : 0x0F)) << 8;
        return decode(bytes, 2, cic, variant);
    }

    /** Decodes the SIP-I body form (starting with the message type), giving the message {@code cic}. */
    public static DecodeResult decodeWithoutCic(byte[] bytes, IsupVariant variant, int cic) {
        if (bytes == null || bytes.length < 1) {
            return new DecodeResult.DecodeError(null, null, "empty ISUP body");
        }
        return decode(bytes, 0, cic, variant);
    }

    /**
     * Encodes; throws {@link IllegalArgumentException} when a mandatory parameter is missing or a fixed one has the
     * wrong length (a programming error on our side, not bad input).
     */
    private static byte[] encode(IsupMessage message, IsupVariant variant, boolean withCic) {
        int type = message.type().code();
        int head = withCic ? 2 : 0;
        if (message instanceof IsupMessage.Unknown u) {
            byte[] body = u.body();
            byte[] out = new byte[head + 1 + body.length];
            writeCic(out, message.cic(), withCic);
            out[head] = (byte) type;
            System.arraycopy(body, 0, out, head + 1, body.length);
            return out;
        }
        MessageFormat format = MessageFormat.of(variant, type);
        IsupParameters params = message.parameters();
        IsupParameter[] fixed = new IsupParameter[format.fixedCodes().length];
        IsupParameter[] variable = new IsupParameter[format.variableCodes().length];
        int size = head + 1;
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = require(message, params, format.fixedCodes()[i]);
            if (fixed[i].length() != format.fixedLengths()[i]) {
                throw new IllegalArgumentException(message.type() + ": " + fixed[i].code() + " must have "
                        + format.fixedLengths()[i] + " octet(s)");
            }
            size += fixed[i].length();
        }
        for (int i = 0; i < variable.length; i++) {
            variable[i] = require(message, params, format.variableCodes()[i]);
            size += 2 + variable[i].length();
        }
        int optionalSize = 0;
        for (IsupParameter p : params.asList()) {
            if (!format.isMandatory(p.code().code())) {
                if (!format.optionalPart()) {
                    throw new IllegalArgumentException(message.type() + " has no optional part for " + p.code());
                }
                optionalSize += 2 + p.length();
            }
        }
        if (format.optionalPart()) {
            size += 1 + (optionalSize > 0 ? optionalSize + 1 : 0);
        }
        byte[] out = new byte[size];
        writeCic(out, message.cic(), withCic);
        int pos = head;
        out[pos++] = (byte) type;
        for (IsupParameter p : fixed) {
            System.arraycopy(p.raw(), 0, out, pos, p.length());
            pos += p.length();
        }
        int pointers = variable.length + (format.optionalPart() ? 1 : 0);
        int pointerPos = pos;
        int dataPos = pos + pointers;
        for (IsupParameter p : variable) {
            out[pointerPos] = (byte) (dataPos - pointerPos);
            pointerPos++;
            out[dataPos++] = (byte) p.length();
            System.arraycopy(p.raw(), 0, out, dataPos, p.length());
            dataPos += p.length();
        }
        if (format.optionalPart()) {
            if (optionalSize > 0) {
                out[pointerPos] = (byte) (dataPos - pointerPos);
                for (IsupParameter p : params.asList()) {
                    if (!format.isMandatory(p.code().code())) {
                        out[dataPos++] = (byte) p.code().code();
                        out[dataPos++] = (byte) p.length();
                        System.arraycopy(p.raw(), 0, out, dataPos, p.length());
                        dataPos += p.length();
                    }
                }
                out[dataPos++] = 0; // end of optional parameters
            }
        }
        return out;
    }

    private static IsupParameter require(IsupMessage message, IsupParameters params, int code) {
        IsupParameter p = params.find(ParameterCode.valueOf(code));
        if (p == null) {
            throw new IllegalArgumentException(
                    message.type() + ": mandatory parameter " + ParameterCode.valueOf(code) + " missing");
        }
        return p;
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
                return error(type, code, "mandatory fixed parameter truncated");
            }
            DecodeResult.DecodeError e = add(params, type, code, b, pos, len);
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
            return error(type, null, "pointers truncated");
        }
        for (int i = 0; i < format.variableCodes().length; i++) {
            ParameterCode code = ParameterCode.valueOf(format.variableCodes()[i]);
            int pointer = b[pos + i] & 0xFF;
            int at = pos + i + pointer;
            if (pointer == 0 || at >= b.length) {
                return error(type, code, "pointer " + pointer + " points outside the message");
            }
            int len = b[at] & 0xFF;
            if (at + 1 + len > b.length) {
                return error(type, code, "length " + len + " runs past the end of the message");
            }
            DecodeResult.DecodeError e = add(params, type, code, b, at + 1, len);
            if (e != null) {
                return e;
            }
        }
        if (format.optionalPart()) {
            int pointerAt = pos + format.variableCodes().length;
            int pointer = b[pointerAt] & 0xFF;
            if (pointer != 0) {
                int at = pointerAt + pointer;
                if (at >= b.length) {
                    return error(type, null, "optional part pointer " + pointer + " points outside the message");
                }
                while (at < b.length && b[at] != 0) {
                    ParameterCode code = ParameterCode.valueOf(b[at]);
                    if (at + 1 >= b.length) {
                        return error(type, code, "length octet missing");
                    }
                    int len = b[at + 1] & 0xFF;
                    if (at + 2 + len > b.length) {
                        return error(type, code, "length " + len + " runs past the end of the message");
                    }
                    DecodeResult.DecodeError e = add(params, type, code, b, at + 2, len);
                    if (e != null) {
                        return e;
                    }
                    at += 2 + len;
                }
                if (at >= b.length) {
                    return error(type, null, "end of optional parameters octet missing");
                }
            }
        }
        return done(type, cic, params);
    }

    private static DecodeResult done(IsupMessageType type, int cic, List<IsupParameter> params) {
        return new DecodeResult.Decoded(IsupMessage.of(type, cic, IsupParameters.of(params)));
    }

    private static DecodeResult.DecodeError add(
            List<IsupParameter> params, IsupMessageType type, ParameterCode code, byte[] b, int from, int len) {
        byte[] value = new byte[len];
        System.arraycopy(b, from, value, 0, len);
        String problem = TypedParameters.check(code, value);
        if (problem != null) {
            return error(type, code, problem);
        }
        params.add(new IsupParameter(code, value));
        return null;
    }

    private static DecodeResult.DecodeError error(IsupMessageType type, ParameterCode code, String reason) {
        return new DecodeResult.DecodeError(type, code, reason);
    }
}
