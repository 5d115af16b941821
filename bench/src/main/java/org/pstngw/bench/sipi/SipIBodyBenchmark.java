package org.pstngw.bench.sipi;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pstngw.sipi.body.IsupVersion;
import org.pstngw.sipi.body.SipIBodies;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupVariant;
import org.restcomm.protocols.ss7.isup.ParameterException;
import org.restcomm.protocols.ss7.isup.impl.message.AbstractISUPMessage;
import org.restcomm.protocols.ss7.isup.impl.message.ISUPMessageFactoryImpl;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.ISUPParameterFactoryImpl;

/**
 * Build + parse of a SIP-I INVITE body (multipart/mixed: SDP + application/ISUP with an IAM) with our sip-i module,
 * beside bare jSS7 encode + decode of the same IAM (no body, no multipart) as the reference cost. Target: 500,000
 * build+parse per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SipIBodyBenchmark {
    /** The sample IAM of REFERENCES.md: CdPN 2125551234 national, CgPN 4420712345678 international, CPC 10. */
    static final byte[] IAM_WIRE =
            HexFormat.of().parseHex("2301010028000a03020907031012525521430a0984134402173254760800");

    static final byte[] SDP = ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 4000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    IsupMessage iam;
    ISUPParameterFactoryImpl pf;
    ISUPMessageFactoryImpl mf;
    AbstractISUPMessage jss7Iam;

    @Setup
    public void setUp() throws ParameterException {
        iam = ((DecodeResult.Decoded) IsupCodec.decode(IAM_WIRE, IsupVariant.ITU)).message();
        pf = new ISUPParameterFactoryImpl();
        mf = new ISUPMessageFactoryImpl(pf);
        jss7Iam = (AbstractISUPMessage) mf.createIAM(0x0123);
        jss7Iam.decode(IAM_WIRE, mf, pf);
    }

    /** Ours: build the multipart body with SDP and IAM, then parse it back to SDP bytes and a decoded IAM. */
    @Benchmark
    public Object sipiBuildAndParse() {
        SipIBodies.Body body = SipIBodies.build(Optional.of(SDP), iam, IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        return SipIBodies.parse(body.contentType(), null, body.bytes());
    }

    /** Ours, ISUP only: encode and decode the IAM (no body). */
    @Benchmark
    public Object isupEncodeAndDecode() {
        return IsupCodec.decodeWithoutCic(
                IsupCodec.encodeWithoutCic(iam, IsupVariant.ITU).orElseThrow(), IsupVariant.ITU, 0);
    }

    /** Bare jSS7: encode the IAM, then decode it into a fresh message object. */
    @Benchmark
    public Object jss7EncodeAndDecode() throws ParameterException {
        byte[] wire = jss7Iam.encode();
        AbstractISUPMessage m = (AbstractISUPMessage) mf.createIAM(0);
        m.decode(wire, mf, pf);
        return m;
    }
}
