package org.pstngw.sipi.isup;

import java.util.HashMap;
import java.util.Map;

/** The record type of each message type code, for {@link IsupMessage#of}: a table instead of a chain of ifs. */
final class MessageRecords {
    /** Makes the record of one message type. */
    @FunctionalInterface
    private interface Factory {
        IsupMessage create(int cic, IsupParameters parameters);
    }

    private static final Factory[] BY_CODE = new Factory[256];
    private static final Map<Class<?>, IsupMessageType> TYPES = new HashMap<>();
    private static final ClassValue<IsupMessageType> TYPE_OF_CLASS = new ClassValue<>() {
        @Override
        protected IsupMessageType computeValue(Class<?> type) {
            return TYPES.get(type);
        }
    };

    static {
        put(IsupMessageType.IAM, IsupMessage.Iam.class, IsupMessage.Iam::new);
        put(IsupMessageType.SAM, IsupMessage.Sam.class, IsupMessage.Sam::new);
        put(IsupMessageType.INR, IsupMessage.Inr.class, IsupMessage.Inr::new);
        put(IsupMessageType.INF, IsupMessage.Inf.class, IsupMessage.Inf::new);
        put(IsupMessageType.COT, IsupMessage.Cot.class, IsupMessage.Cot::new);
        put(IsupMessageType.ACM, IsupMessage.Acm.class, IsupMessage.Acm::new);
        put(IsupMessageType.CON, IsupMessage.Con.class, IsupMessage.Con::new);
        put(IsupMessageType.FOT, IsupMessage.Fot.class, IsupMessage.Fot::new);
        put(IsupMessageType.ANM, IsupMessage.Anm.class, IsupMessage.Anm::new);
        put(IsupMessageType.REL, IsupMessage.Rel.class, IsupMessage.Rel::new);
        put(IsupMessageType.SUS, IsupMessage.Sus.class, IsupMessage.Sus::new);
        put(IsupMessageType.RES, IsupMessage.Res.class, IsupMessage.Res::new);
        put(IsupMessageType.RLC, IsupMessage.Rlc.class, IsupMessage.Rlc::new);
        put(IsupMessageType.CCR, IsupMessage.Ccr.class, IsupMessage.Ccr::new);
        put(IsupMessageType.RSC, IsupMessage.Rsc.class, IsupMessage.Rsc::new);
        put(IsupMessageType.BLO, IsupMessage.Blo.class, IsupMessage.Blo::new);
        put(IsupMessageType.UBL, IsupMessage.Ubl.class, IsupMessage.Ubl::new);
        put(IsupMessageType.BLA, IsupMessage.Bla.class, IsupMessage.Bla::new);
        put(IsupMessageType.UBA, IsupMessage.Uba.class, IsupMessage.Uba::new);
        put(IsupMessageType.GRS, IsupMessage.Grs.class, IsupMessage.Grs::new);
        put(IsupMessageType.CGB, IsupMessage.Cgb.class, IsupMessage.Cgb::new);
        put(IsupMessageType.CGU, IsupMessage.Cgu.class, IsupMessage.Cgu::new);
        put(IsupMessageType.CGBA, IsupMessage.Cgba.class, IsupMessage.Cgba::new);
        put(IsupMessageType.CGUA, IsupMessage.Cgua.class, IsupMessage.Cgua::new);
        put(IsupMessageType.LPA, IsupMessage.Lpa.class, IsupMessage.Lpa::new);
        put(IsupMessageType.GRA, IsupMessage.Gra.class, IsupMessage.Gra::new);
        put(IsupMessageType.CQM, IsupMessage.Cqm.class, IsupMessage.Cqm::new);
        put(IsupMessageType.CQR, IsupMessage.Cqr.class, IsupMessage.Cqr::new);
        put(IsupMessageType.CPG, IsupMessage.Cpg.class, IsupMessage.Cpg::new);
        put(IsupMessageType.USR, IsupMessage.Usr.class, IsupMessage.Usr::new);
        put(IsupMessageType.UCIC, IsupMessage.Ucic.class, IsupMessage.Ucic::new);
        put(IsupMessageType.CFN, IsupMessage.Cfn.class, IsupMessage.Cfn::new);
        put(IsupMessageType.FAC, IsupMessage.Fac.class, IsupMessage.Fac::new);
    }

    private MessageRecords() {}

    private static void put(IsupMessageType type, Class<? extends IsupMessage> record, Factory factory) {
        BY_CODE[type.code()] = factory;
        TYPES.put(record, type);
    }

    /** The message type of a record class. */
    static IsupMessageType typeOf(Class<? extends IsupMessage> record) {
        return TYPE_OF_CLASS.get(record);
    }

    /** The record for {@code type}, or null when the type has none. */
    static IsupMessage create(IsupMessageType type, int cic, IsupParameters parameters) {
        Factory f = BY_CODE[type.code()];
        return f == null ? null : f.create(cic, parameters);
    }
}
