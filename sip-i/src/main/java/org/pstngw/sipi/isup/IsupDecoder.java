package org.pstngw.sipi.isup;

import java.util.Arrays;

/**
 * The decoding half of {@link IsupCodec} (whose Javadoc gives the rules), on the octets {@code start} to {@code end}
 * of an array: a SIP-I body's ISUP part is read where it lies. Parameters are gathered in an array sized for the
 * message format (grown only for a long optional part) that the message then holds as it is.
 */
final class IsupDecoder {
    private IsupDecoder() {}

    /** Parameters in wire order, in an array handed to {@link IsupParameters#owning} when done. */
    static final class Params {
        private IsupParameter[] items;
        private int count;

        Params(int capacity) {
            items = new IsupParameter[Math.max(capacity, 1)];
        }

        void add(IsupParameter p) {
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = p;
        }

        int size() {
            return count;
        }

        IsupParameter get(int i) {
            return items[i];
        }

        IsupParameters toParameters() {
            return IsupParameters.owning(items, count);
        }
    }

    static DecodeResult decode(byte[] b, int start, int end, int cic, IsupVariant variant) {
        IsupMessageType type = IsupMessageType.valueOf(b[start]);
        MessageFormat format = MessageFormat.of(variant, type.code());
        if (format == null) {
            return new DecodeResult.Decoded(new IsupMessage.Unknown(cic, type, Arrays.copyOfRange(b, start + 1, end)));
        }
        Params params = new Params(format.fixedCodes().length + format.variableCodes().length + 4);
        int pos = start + 1;
        for (int i = 0; i < format.fixedCodes().length; i++) {
            ParameterCode code = ParameterCode.valueOf(format.fixedCodes()[i]);
            int len = format.fixedLengths()[i];
            if (pos + len > end) {
                return decodeError(type, code, "mandatory fixed parameter truncated");
            }
            DecodeResult.DecodeError e = mandatory(params, type, code, b, pos, len);
            if (e != null) {
                return e;
            }
            pos += len;
        }
        int pointerCount = format.variableCodes().length + (format.optionalPart() ? 1 : 0);
        if (pos + pointerCount > end) {
            if (format.variableCodes().length == 0 && pos == end) {
                return done(type, cic, params); // optional part pointer absent: tolerated, as jSS7 does
            }
            return decodeError(type, null, "pointers truncated");
        }
        int free = pos + pointerCount; // the first octet no pointer or parameter has taken yet
        for (int i = 0; i < format.variableCodes().length; i++) {
            ParameterCode code = ParameterCode.valueOf(format.variableCodes()[i]);
            int pointer = b[pos + i] & 0xFF;
            int at = pos + i + pointer;
            if (pointer == 0 || at >= end) {
                return decodeError(type, code, "pointer " + pointer + " points outside the message");
            }
            if (at < free) {
                return decodeError(
                        type, code, "pointer " + pointer + " points into the pointers or the parameter before");
            }
            int len = b[at] & 0xFF;
            if (at + 1 + len > end) {
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
                DecodeResult.DecodeError e = optionalPart(params, type, b, pointerAt + pointer, end);
                if (e != null) {
                    return e;
                }
            }
        }
        return done(type, cic, params);
    }

    /** Reads optional parameters from {@code from} up to and including the end octet into {@code params}. */
    static DecodeResult.DecodeError optionalPart(Params params, IsupMessageType type, byte[] b, int from, int end) {
        int at = from;
        if (at >= end) {
            return decodeError(type, null, "optional part pointer points outside the message");
        }
        while (at < end && b[at] != 0) {
            ParameterCode code = ParameterCode.valueOf(b[at]);
            if (at + 1 >= end) {
                return decodeError(type, code, "length octet missing");
            }
            int len = b[at + 1] & 0xFF;
            if (at + 2 + len > end) {
                return decodeError(type, code, "length " + len + " runs past the end of the message");
            }
            params.add(IsupParameter.owning(code, Arrays.copyOfRange(b, at + 2, at + 2 + len)));
            at += 2 + len;
        }
        if (at >= end) {
            return decodeError(type, null, "end of optional parameters octet missing");
        }
        return null;
    }

    private static DecodeResult done(IsupMessageType type, int cic, Params params) {
        return new DecodeResult.Decoded(IsupMessage.of(type, cic, params.toParameters()));
    }

    /**
     * A mandatory parameter: it must be long enough for its typed view, or the message cannot be acted on. The check
     * reads the octets in place, before anything is copied.
     */
    private static DecodeResult.DecodeError mandatory(
            Params params, IsupMessageType type, ParameterCode code, byte[] b, int from, int len) {
        String problem = TypedParameters.check(code, b, from, len);
        if (problem != null) {
            return decodeError(type, code, problem);
        }
        params.add(IsupParameter.owning(code, Arrays.copyOfRange(b, from, from + len)));
        return null;
    }

    private static DecodeResult.DecodeError decodeError(IsupMessageType type, ParameterCode code, String reason) {
        return new DecodeResult.DecodeError(type, code, reason);
    }
}
