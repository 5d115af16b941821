package org.pstngw.bench.sipi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.pstngw.sipi.body.BodyPart;
import org.pstngw.sipi.body.IsupVersion;
import org.pstngw.sipi.body.Multipart;
import org.pstngw.sipi.body.SipIBodies;
import org.pstngw.sipi.isup.CallingPartyCategory;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.ForwardCallIndicators;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
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
 * <p>Like for like: our rows build the IAM from typed values every operation ({@link IsupMessages#iam} with
 * {@link PartyNumber}s), as call control does and as jSS7's encode serialises its typed parameter objects; and the
 * headline row parses a body as a peer sends it, one of 4,096 ({@code PEERS}) bodies with distinct boundaries, so the
 * MediaType cache, ByteSearch's delimiter table and the build template do not make parse look cheaper than it is. The
 * body is handed over as the SIP stack hands over one it has just received: a fresh copy (timed too) of the octets
 * and a fresh String of the Content-Type, so its octets are in the core's cache as a just-read datagram's are, not
 * cold in memory as the pool's 4,096 bodies would be. {@link #sipiBuildAndParseOwnBody} is the old best case (pre-decoded IAM, parsing our own
 * body) kept for comparison. jSS7 decodes every parameter when it decodes, while our messages keep raw parameters and
 * read typed views on demand; so each of our rows also reads what the jSS7 row has at hand after decoding (CIC, called
 * and calling party numbers), and the jSS7 row reads the same three.
 *
 * <p>The peer bodies of the target row are as a network's peers send them: a boundary never seen before in every one,
 * the ISUP part's Content-Type and Content-Disposition in one of {@link #PEER_ISUP_TYPES} (a stack writes its own
 * spelling in every message). {@link #sipiBuildAndParseNewHeaders} also gives two bodies in three a part parameter
 * never seen before, the upper bound when no header value has been seen. The forked JVM logs through the bench's own
 * logback configuration (WARN; jSS7 logs each parameter it decodes at DEBUG), and {@link #setUp} refuses to run if
 * jSS7's loggers are at DEBUG anyway.
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

    /**
     * Peer bodies in the pool: far more than any cache of header values holds, each with its own boundary. 4,096
     * bodies (over 2 MB) do not stay in a core's L2 cache; each operation copies its body first, as the SIP stack
     * copies a body out of the datagram it has just read, so the parse reads octets in cache, as a gateway's does.
     * {@code -Dsipi.peers=256} (a power of two, at least 64) gives a smaller pool.
     */
    static final int PEERS = Integer.getInteger("sipi.peers", 4096);

    private static final NatureOfConnectionIndicators NCI = NatureOfConnectionIndicators.PLAIN;
    private static final ForwardCallIndicators FCI =
            ForwardCallIndicators.of(false, true, true, ForwardCallIndicators.ISUP_PREFERRED, false);

    /**
     * How the peer stacks of a network write the ISUP part's Content-Type: each stack one way, the same in every
     * message (RFC 3204's version and base, in the spellings and spacing seen from different vendors).
     */
    static final String[] PEER_ISUP_TYPES = {
        "application/ISUP; version=itu-t92+",
        "application/isup;version=itu-t92+;base=itu-t92+",
        "application/ISUP;version=itu-t92+",
        "application/ISUP; version=itu-t92+; base=itu-t92+",
        "application/isup; version=\"itu-t92+\"",
        "Application/ISUP;Version=itu-t92+",
        "application/ISUP;base=itu-t92+;version=itu-t92+",
        "application/isup ; version=itu-t92+",
        "application/ISUP; version=itu-t92+; base=etsi121",
        "application/isup;version=itu-t92+;base=etsi121",
        "application/ISUP;version=itu-t92+;base=ansi00",
        "application/ISUP; version=itu-t92+;base=itu-t88",
        "application/isup; version=itu-t92+; base=\"itu-t92+\"",
        "APPLICATION/ISUP; version=itu-t92+",
        "application/ISUP;\tversion=itu-t92+",
        "application/ISUP; version=itu-t92+;base=itu-t92+",
    };

    static final String[] PEER_DISPOSITIONS = {"signal; handling=required", "signal;handling=optional"};

    IsupMessage iam;
    String[] peerContentTypes;
    byte[][] peerBodies;
    String[] strangerContentTypes;
    byte[][] strangerBodies;
    int next;
    ISUPParameterFactoryImpl pf;
    ISUPMessageFactoryImpl mf;
    AbstractISUPMessage jss7Iam;

    @Setup
    public void setUp() throws ParameterException {
        if (LoggerFactory.getLogger("org.restcomm.protocols.ss7.isup").isDebugEnabled()) {
            throw new IllegalStateException("jSS7 logs at DEBUG: the figures would measure logging");
        }
        if (Integer.bitCount(PEERS) != 1 || PEERS < 64) {
            throw new IllegalStateException("sipi.peers must be a power of two, at least 64: " + PEERS);
        }
        iam = ((DecodeResult.Decoded) IsupCodec.decode(IAM_WIRE, IsupVariant.ITU)).message();
        if (!Arrays.equals(IsupCodec.encode(typedIam(), IsupVariant.ITU).orElseThrow(), IAM_WIRE)) {
            throw new IllegalStateException("the typed IAM is not the sample IAM");
        }
        peerContentTypes = new String[PEERS];
        peerBodies = new byte[PEERS][];
        strangerContentTypes = new String[PEERS];
        strangerBodies = new byte[PEERS][];
        byte[] isup = IsupCodec.encodeWithoutCic(iam, IsupVariant.ITU).orElseThrow();
        for (int i = 0; i < PEERS; i++) {
            // a boundary never seen before in every body; the ISUP part's headers as one of the peer stacks writes them
            Multipart.Built b =
                    peerBody(i, PEER_ISUP_TYPES[i % PEER_ISUP_TYPES.length], PEER_DISPOSITIONS[i % 2], isup);
            peerContentTypes[i] = "multipart/mixed; boundary=\"" + b.boundary() + "\"";
            peerBodies[i] = b.body();
            // the stress pool: two bodies in three also carry a part Content-Type parameter never seen before
            Multipart.Built s = peerBody(
                    i,
                    (i % 2 == 0
                                    ? "application/ISUP; version=itu-t92+"
                                    : "application/isup;version=itu-t92+;base=itu-t92+")
                            + (i % 3 == 0 ? "" : "; x-id=" + i),
                    "signal; handling=required",
                    isup);
            strangerContentTypes[i] = "multipart/mixed; boundary=\"" + s.boundary() + "\"";
            strangerBodies[i] = s.body();
            for (var pool : List.of(
                    Map.entry(peerContentTypes[i], peerBodies[i]), Map.entry(strangerContentTypes[i], s.body()))) {
                if (!(SipIBodies.parse(pool.getKey(), null, pool.getValue()) instanceof SipIBodies.Parsed.Content c)
                        || c.isup().isEmpty()) {
                    throw new IllegalStateException("peer body " + i + " does not parse to an IAM");
                }
            }
        }
        pf = new ISUPParameterFactoryImpl();
        mf = new ISUPMessageFactoryImpl(pf);
        jss7Iam = (AbstractISUPMessage) mf.createIAM(0x0123);
        jss7Iam.decode(IAM_WIRE, mf, pf);
    }

    /**
     * Ours, the target row: build the IAM from typed values and the multipart body with SDP and IAM; parse a peer's
     * body (the next of the pool, its header text a fresh String as a SIP stack hands it over); read CIC, called and
     * calling number.
     */
    @Benchmark
    public long sipiBuildAndParse() {
        SipIBodies.Body body = SipIBodies.build(Optional.of(SDP), typedIam(), IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        int i = next++ & (PEERS - 1);
        SipIBodies.Parsed parsed = SipIBodies.parse(new String(peerContentTypes[i]), null, peerBodies[i].clone());
        return body.bytes().length
                + read(((SipIBodies.Parsed.Content) parsed).isup().orElseThrow());
    }

    /**
     * The stress case: like the target row, but two of three peer bodies' ISUP parts also carry a Content-Type
     * parameter never seen before ({@code x-id}), so no cache of header values ever hits for them; no real stack
     * writes a per-message parameter there, so this bounds the cost from above.
     */
    @Benchmark
    public long sipiBuildAndParseNewHeaders() {
        SipIBodies.Body body = SipIBodies.build(Optional.of(SDP), typedIam(), IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        int i = next++ & (PEERS - 1);
        SipIBodies.Parsed parsed =
                SipIBodies.parse(new String(strangerContentTypes[i]), null, strangerBodies[i].clone());
        return body.bytes().length
                + read(((SipIBodies.Parsed.Content) parsed).isup().orElseThrow());
    }

    private static Multipart.Built peerBody(int i, String isupType, String disposition, byte[] isup) {
        String boundary = "----=_Part_" + i + "_" + Integer.toHexString(i * 0x9E3779B9);
        return Multipart.build(
                boundary,
                List.of(
                        new BodyPart(List.of(Map.entry("Content-Type", "application/sdp")), SDP),
                        new BodyPart(
                                List.of(
                                        Map.entry("Content-Type", isupType),
                                        Map.entry("Content-Disposition", disposition)),
                                isup)));
    }

    /** The old best case: the pre-decoded IAM into our own body and that body parsed back (every cache hits). */
    @Benchmark
    public long sipiBuildAndParseOwnBody() {
        SipIBodies.Body body = SipIBodies.build(Optional.of(SDP), iam, IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        SipIBodies.Parsed parsed = SipIBodies.parse(body.contentType(), null, body.bytes());
        return read(((SipIBodies.Parsed.Content) parsed).isup().orElseThrow());
    }

    /** Ours, ISUP only: build the IAM from typed values, encode and decode it (M3UA form), read CIC and numbers. */
    @Benchmark
    public long isupEncodeAndDecode() {
        DecodeResult r =
                IsupCodec.decode(IsupCodec.encode(typedIam(), IsupVariant.ITU).orElseThrow(), IsupVariant.ITU);
        return read(((DecodeResult.Decoded) r).message());
    }

    /** The sample IAM from typed values: what call control hands the codec. */
    private static IsupMessage typedIam() {
        return IsupMessages.iam(
                0x0123,
                NCI,
                FCI,
                CallingPartyCategory.ORDINARY,
                3,
                PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234"),
                IsupMessages.callingPartyNumber(PartyNumber.calling(PartyNumber.NAI_INTERNATIONAL, "4420712345678")));
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
