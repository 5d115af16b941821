package org.pstngw.bench.sipi;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pstngw.sipi.body.IsupVersion;
import org.pstngw.sipi.body.SipIBodies;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.PartyNumber;
import org.restcomm.protocols.ss7.isup.ParameterException;
import org.restcomm.protocols.ss7.isup.impl.message.AbstractISUPMessage;
import org.restcomm.protocols.ss7.isup.impl.message.ISUPMessageFactoryImpl;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.ISUPParameterFactoryImpl;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;
import org.slf4j.LoggerFactory;

/**
 * Build + parse of a SIP-I INVITE body (multipart/mixed: SDP + application/ISUP with an IAM) with our sip-i module,
 * beside our ISUP codec alone and bare jSS7 encode + decode of the same IAM (no body, no multipart) as the reference
 * cost. Target: 500,000 build+parse per second on one core.
 *
 * <p>Like for like: jSS7 decodes every parameter when it decodes, while our messages keep raw parameters and read
 * typed views on demand; so each of our rows also reads what the jSS7 row has at hand after decoding (CIC, called and
 * calling party numbers), and the jSS7 row reads the same three. The forked JVM logs through the bench's own logback
 * configuration (WARN; jSS7 logs each parameter it decodes at DEBUG), and {@link #setUp} refuses to run if jSS7's
 * loggers are at DEBUG anyway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=logback-bench.xml")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
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
        if (LoggerFactory.getLogger("org.restcomm.protocols.ss7.isup").isDebugEnabled()) {
            throw new IllegalStateException("jSS7 logs at DEBUG: the figures would measure logging");
        }
        iam = ((DecodeResult.Decoded) IsupCodec.decode(IAM_WIRE, IsupVariant.ITU)).message();
        pf = new ISUPParameterFactoryImpl();
        mf = new ISUPMessageFactoryImpl(pf);
        jss7Iam = (AbstractISUPMessage) mf.createIAM(0x0123);
        jss7Iam.decode(IAM_WIRE, mf, pf);
    }

    /** Ours: build the multipart body with SDP and IAM, parse it back, read CIC, called and calling number. */
    @Benchmark
    public long sipiBuildAndParse() {
        SipIBodies.Body body = SipIBodies.build(Optional.of(SDP), iam, IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        SipIBodies.Parsed parsed = SipIBodies.parse(body.contentType(), null, body.bytes());
        return read(((SipIBodies.Parsed.Content) parsed).isup().orElseThrow());
    }

    /** Ours, ISUP only: encode and decode the IAM (M3UA form, with the CIC), read CIC and numbers. */
    @Benchmark
    public long isupEncodeAndDecode() {
        DecodeResult r = IsupCodec.decode(IsupCodec.encode(iam, IsupVariant.ITU).orElseThrow(), IsupVariant.ITU);
        return read(((DecodeResult.Decoded) r).message());
    }

    /** Bare jSS7: encode the IAM, decode it into a fresh message object, read CIC and numbers. */
    @Benchmark
    public long jss7EncodeAndDecode() throws ParameterException {
        byte[] wire = jss7Iam.encode();
        AbstractISUPMessage m = (AbstractISUPMessage) mf.createIAM(0);
        m.decode(wire, mf, pf);
        InitialAddressMessage decoded = (InitialAddressMessage) m;
        return decoded.getCircuitIdentificationCode().getCIC()
                + 31L * decoded.getCalledPartyNumber().getAddress().length()
                + decoded.getCallingPartyNumber().getAddress().length();
    }

    /** CIC and the lengths of the two numbers (reading a number materialises its digits). */
    private static long read(IsupMessage m) {
        return m.cic()
                + 31L
                        * m.calledPartyNumber()
                                .map(PartyNumber::digits)
                                .orElseThrow()
                                .length()
                + m.callingPartyNumber().map(PartyNumber::digits).orElseThrow().length();
    }
}
