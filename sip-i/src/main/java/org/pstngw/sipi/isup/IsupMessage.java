package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An ISUP message: its circuit (CIC), its type and its parameters in wire order. One record per message type the
 * gateway uses (Q.763 / T1.113), plus {@link Unknown} for any other type, kept as raw octets. Parameters the gateway
 * does not interpret stay in {@link #parameters()} as raw (code, octets) and are re-encoded unchanged; typed views of
 * the ones it does interpret come from {@link ParameterViews} (empty when the parameter is absent or unreadable).
 * Immutable; {@link #with} gives a changed copy.
 */
public sealed interface IsupMessage extends ParameterViews
        permits IsupMessage.Iam,
                IsupMessage.Sam,
                IsupMessage.Inr,
                IsupMessage.Inf,
                IsupMessage.Cot,
                IsupMessage.Acm,
                IsupMessage.Con,
                IsupMessage.Fot,
                IsupMessage.Anm,
                IsupMessage.Rel,
                IsupMessage.Sus,
                IsupMessage.Res,
                IsupMessage.Rlc,
                IsupMessage.Ccr,
                IsupMessage.Rsc,
                IsupMessage.Blo,
                IsupMessage.Ubl,
                IsupMessage.Bla,
                IsupMessage.Uba,
                IsupMessage.Grs,
                IsupMessage.Cgb,
                IsupMessage.Cgu,
                IsupMessage.Cgba,
                IsupMessage.Cgua,
                IsupMessage.Lpa,
                IsupMessage.Gra,
                IsupMessage.Cqm,
                IsupMessage.Cqr,
                IsupMessage.Cpg,
                IsupMessage.Usr,
                IsupMessage.Ucic,
                IsupMessage.Cfn,
                IsupMessage.Fac,
                IsupMessage.Unknown {

    /** The widest CIC of any variant (ANSI, 14 bits); {@link IsupCodec#cicMax} gives each variant's own. */
    int MAX_CIC = 0x3FFF;

    /** Circuit identification code (12 bits ITU, 14 bits ANSI). */
    int cic();

    /** The message type; each record's is fixed by its class ({@link Unknown} carries its own). */
    default IsupMessageType type() {
        return MessageRecords.typeOf(getClass());
    }

    /** All parameters, wire order, raw. */
    @Override
    IsupParameters parameters();

    /**
     * The record for {@code type} holding {@code parameters}. For a type without a record, an {@link Unknown} whose
     * body holds the parameters in the layout of the Q.763 message types that carry only optional parameters
     * (pointer to the optional part, optional parameters, end octet); with no parameters, an empty body. To move a
     * received message to another circuit use {@link #withCic}: rebuilding it from {@code parameters()} here would
     * empty the body of an opaque {@link Unknown}.
     */
    static IsupMessage of(IsupMessageType type, int cic, IsupParameters parameters) {
        IsupMessage m = MessageRecords.create(type, cic, parameters);
        return m != null ? m : new Unknown(cic, type, IsupCodec.optionalOnly(parameters.asList()));
    }

    /**
     * This message on circuit {@code cic}, everything else unchanged: what the interworking function does with a
     * message parsed from a SIP-I body (which carries no CIC, so it comes out with CIC 0) before it goes out on M3UA.
     *
     * @throws IllegalArgumentException when {@code cic} is outside 0 to {@link #MAX_CIC}
     */
    default IsupMessage withCic(int cic) {
        return of(type(), cic, parameters());
    }

    /** This message with {@code p} set (replacing the first parameter of the same code, else appended). */
    default IsupMessage with(IsupParameter p) {
        return of(type(), cic(), parameters().with(p));
    }

    private static void checkRecord(int cic, IsupParameters parameters) {
        if (cic < 0 || cic > MAX_CIC) {
            throw new IllegalArgumentException("CIC out of range (14 bits at most): " + cic);
        }
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are required (IsupParameters.empty() for none)");
        }
    }

    /** Initial address (T1.113.3: user service information instead of transmission medium requirement). */
    record Iam(int cic, IsupParameters parameters) implements IsupMessage {
        public Iam {
            checkRecord(cic, parameters);
        }
    }

    /** Subsequent address. */
    record Sam(int cic, IsupParameters parameters) implements IsupMessage {
        public Sam {
            checkRecord(cic, parameters);
        }
    }

    /** Information request. */
    record Inr(int cic, IsupParameters parameters) implements IsupMessage {
        public Inr {
            checkRecord(cic, parameters);
        }
    }

    /** Information. */
    record Inf(int cic, IsupParameters parameters) implements IsupMessage {
        public Inf {
            checkRecord(cic, parameters);
        }
    }

    /** Continuity. */
    record Cot(int cic, IsupParameters parameters) implements IsupMessage {
        public Cot {
            checkRecord(cic, parameters);
        }
    }

    /** Address complete. */
    record Acm(int cic, IsupParameters parameters) implements IsupMessage {
        public Acm {
            checkRecord(cic, parameters);
        }
    }

    /** Connect. */
    record Con(int cic, IsupParameters parameters) implements IsupMessage {
        public Con {
            checkRecord(cic, parameters);
        }
    }

    /** Forward transfer. */
    record Fot(int cic, IsupParameters parameters) implements IsupMessage {
        public Fot {
            checkRecord(cic, parameters);
        }
    }

    /** Answer. */
    record Anm(int cic, IsupParameters parameters) implements IsupMessage {
        public Anm {
            checkRecord(cic, parameters);
        }
    }

    /** Release. */
    record Rel(int cic, IsupParameters parameters) implements IsupMessage {
        public Rel {
            checkRecord(cic, parameters);
        }
    }

    /** Suspend. */
    record Sus(int cic, IsupParameters parameters) implements IsupMessage {
        public Sus {
            checkRecord(cic, parameters);
        }
    }

    /** Resume. */
    record Res(int cic, IsupParameters parameters) implements IsupMessage {
        public Res {
            checkRecord(cic, parameters);
        }
    }

    /** Release complete (T1.113.3: no parameters). */
    record Rlc(int cic, IsupParameters parameters) implements IsupMessage {
        public Rlc {
            checkRecord(cic, parameters);
        }
    }

    /** Continuity check request. */
    record Ccr(int cic, IsupParameters parameters) implements IsupMessage {
        public Ccr {
            checkRecord(cic, parameters);
        }
    }

    /** Reset circuit. */
    record Rsc(int cic, IsupParameters parameters) implements IsupMessage {
        public Rsc {
            checkRecord(cic, parameters);
        }
    }

    /** Blocking. */
    record Blo(int cic, IsupParameters parameters) implements IsupMessage {
        public Blo {
            checkRecord(cic, parameters);
        }
    }

    /** Unblocking. */
    record Ubl(int cic, IsupParameters parameters) implements IsupMessage {
        public Ubl {
            checkRecord(cic, parameters);
        }
    }

    /** Blocking acknowledgement. */
    record Bla(int cic, IsupParameters parameters) implements IsupMessage {
        public Bla {
            checkRecord(cic, parameters);
        }
    }

    /** Unblocking acknowledgement. */
    record Uba(int cic, IsupParameters parameters) implements IsupMessage {
        public Uba {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group reset. */
    record Grs(int cic, IsupParameters parameters) implements IsupMessage {
        public Grs {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group blocking. */
    record Cgb(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgb {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group unblocking. */
    record Cgu(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgu {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group blocking acknowledgement. */
    record Cgba(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgba {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group unblocking acknowledgement. */
    record Cgua(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgua {
            checkRecord(cic, parameters);
        }
    }

    /** Loop back acknowledgement. */
    record Lpa(int cic, IsupParameters parameters) implements IsupMessage {
        public Lpa {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group reset acknowledgement. */
    record Gra(int cic, IsupParameters parameters) implements IsupMessage {
        public Gra {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group query. */
    record Cqm(int cic, IsupParameters parameters) implements IsupMessage {
        public Cqm {
            checkRecord(cic, parameters);
        }
    }

    /** Circuit group query response. */
    record Cqr(int cic, IsupParameters parameters) implements IsupMessage {
        public Cqr {
            checkRecord(cic, parameters);
        }
    }

    /** Call progress. */
    record Cpg(int cic, IsupParameters parameters) implements IsupMessage {
        public Cpg {
            checkRecord(cic, parameters);
        }
    }

    /** User-to-user information. */
    record Usr(int cic, IsupParameters parameters) implements IsupMessage {
        public Usr {
            checkRecord(cic, parameters);
        }
    }

    /** Unequipped CIC. */
    record Ucic(int cic, IsupParameters parameters) implements IsupMessage {
        public Ucic {
            checkRecord(cic, parameters);
        }
    }

    /** Confusion. */
    record Cfn(int cic, IsupParameters parameters) implements IsupMessage {
        public Cfn {
            checkRecord(cic, parameters);
        }
    }

    /** Facility. */
    record Fac(int cic, IsupParameters parameters) implements IsupMessage {
        public Fac {
            checkRecord(cic, parameters);
        }
    }

    /**
     * A message type without a record: the octets after the message type code, kept and re-emitted as they are. When
     * the body is in the layout of the message types that carry only optional parameters (pointer 1, optional
     * parameters, end octet), its parameters are readable through {@link #parameters()} and {@link #with} can add
     * one; any other body is opaque.
     */
    @SuppressWarnings("ArrayRecordComponent") // copied in and out; array-aware equals/hashCode/toString below
    record Unknown(int cic, IsupMessageType type, byte[] body) implements IsupMessage {
        public Unknown {
            checkRecord(cic, IsupParameters.empty());
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The parameters of a body in the optional-part layout; empty for an opaque body. */
        @Override
        public IsupParameters parameters() {
            List<IsupParameter> p = IsupCodec.parseOptionalOnly(body);
            return p == null ? IsupParameters.empty() : IsupParameters.of(p);
        }

        /** This message on circuit {@code cic} with the same body, opaque or not. */
        @Override
        public Unknown withCic(int cic) {
            return new Unknown(cic, type, body);
        }

        /** Whether {@link #parameters()} reads the body (it is empty or in the optional-part layout). */
        public boolean hasReadableParameters() {
            return IsupCodec.parseOptionalOnly(body) != null;
        }

        /**
         * This message with {@code p} set in its optional-part layout.
         *
         * @throws IllegalStateException when the body is opaque: its layout is unknown, so there is nowhere to put
         *     {@code p} (check {@link #hasReadableParameters()} first)
         */
        @Override
        public IsupMessage with(IsupParameter p) {
            List<IsupParameter> params = IsupCodec.parseOptionalOnly(body);
            if (params == null) {
                throw new IllegalStateException(
                        "message type " + type + " has an opaque body: no place for parameter " + p.code());
            }
            return of(type, cic, IsupParameters.of(params).with(p));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.cic == cic && u.type.equals(type) && Arrays.equals(u.body, body);
        }

        @Override
        public int hashCode() {
            return (cic * 31 + type.hashCode()) * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Unknown[cic=" + cic + ", type=" + type + ", body="
                    + HexFormat.of().formatHex(body) + "]";
        }
    }
}
