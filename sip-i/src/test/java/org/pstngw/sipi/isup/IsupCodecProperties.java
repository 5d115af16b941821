package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.pstngw.sipi.body.IsupVersion;
import org.pstngw.sipi.body.SipIBodies;

/** Round-trip properties of the codec over arbitrary messages of every layout, both variants, and arbitrary octets. */
class IsupCodecProperties {

    /**
     * Whatever the encoder sends, the decoder takes back unchanged, in both forms; what it refuses is a mandatory
     * parameter whose contents cannot be read. The generator does not avoid such contents, so both outcomes occur.
     */
    @Property(tries = 3000)
    void whatEncodesDecodesBackAndWhatDoesNotIsAnUnreadableMandatoryParameter(@ForAll("messages") Generated g) {
        EncodeResult r = IsupCodec.encode(g.message(), g.variant());
        Statistics.label("outcome").collect(r.getClass().getSimpleName()).coverage(c -> {
            c.check("Encoded").percentage(p -> p > 50);
            c.check("EncodeError").percentage(p -> p > 0.5);
        });
        if (r instanceof EncodeResult.EncodeError e) {
            assertThat(e.parameter()).as(e.toString()).isNotNull();
            assertThat(MessageFormat.of(g.variant(), g.message().type().code())
                            .isMandatory(e.parameter().code()))
                    .as(e.toString())
                    .isTrue();
            assertThat(IsupCodec.encodeWithoutCic(g.message(), g.variant())).isEqualTo(r);
            return;
        }
        byte[] wire = r.orElseThrow();
        assertThat(IsupCodec.decode(wire, g.variant())).isEqualTo(new DecodeResult.Decoded(g.message()));
        byte[] body = IsupCodec.encodeWithoutCic(g.message(), g.variant()).orElseThrow();
        assertThat(wire).endsWith(body);
        assertThat(IsupCodec.decodeWithoutCic(body, g.variant(), g.message().cic()))
                .isEqualTo(new DecodeResult.Decoded(g.message()));
    }

    /** A SIP-I body built from any message the codec encodes parses back to that message (CIC 0, as SIP-I has none). */
    @Property(tries = 1000)
    void whatEncodesGoesIntoASipIBodyThatParsesBack(@ForAll("messages") Generated g, @ForAll boolean withSdp) {
        Assume.that(IsupCodec.encode(g.message(), g.variant()) instanceof EncodeResult.Encoded);
        Optional<byte[]> sdp = withSdp ? Optional.of("v=0\r\n".getBytes(StandardCharsets.US_ASCII)) : Optional.empty();
        SipIBodies.Body body =
                SipIBodies.build(sdp, g.message(), IsupVersion.of(g.variant())).orElseThrow();
        assertThat(SipIBodies.parse(
                        body.contentType(), body.contentDisposition().orElse(null), body.bytes()))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.isup()).contains(g.message().withCic(0)));
    }

    /**
     * Half the inputs are random octets, half a CIC and a message type with a layout followed by random octets, so
     * that the layouts are reached (random octets alone rarely name one).
     */
    @Property(tries = 3000)
    void arbitraryOctetsDecodeToAnErrorOrToAMessageThatReEncodesStably(
            @ForAll IsupVariant variant, @ForAll("octets") byte[] bytes) {
        DecodeResult r = IsupCodec.decode(bytes, variant);
        boolean known = bytes.length >= 3 && IsupMessageType.valueOf(bytes[2]).isKnown();
        Statistics.label("outcome")
                .collect(
                        known
                                ? r.getClass().getSimpleName() + " (known type)"
                                : r.getClass().getSimpleName())
                .coverage(c -> {
                    c.check("Decoded (known type)").percentage(p -> p > 1);
                    c.check("DecodeError (known type)").percentage(p -> p > 10);
                });
        if (r instanceof DecodeResult.DecodeError e) {
            assertThat(e.reason()).isNotBlank();
            assertThat(e.messageType() != null).as(e.toString()).isEqualTo(bytes.length >= 3);
        }
        if (r instanceof DecodeResult.Decoded(IsupMessage m)) {
            assertThat(m.type().code()).isEqualTo(bytes[2] & 0xFF);
            readEveryTypedView(m);
            byte[] again = IsupCodec.encode(m, variant).orElseThrow();
            assertThat(IsupCodec.decode(again, variant)).isEqualTo(r);
        }
    }

    @Property(tries = 3000)
    void damagedEncodingsDecodeToAnErrorOrToAMessageThatReEncodesStably(
            @ForAll("messages") Generated g,
            @ForAll @IntRange(min = 0, max = 300) int at,
            @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 300) int cut) {
        Assume.that(IsupCodec.encode(g.message(), g.variant()) instanceof EncodeResult.Encoded);
        byte[] wire = IsupCodec.encode(g.message(), g.variant()).orElseThrow();
        byte[] damaged = Arrays.copyOf(wire, Math.max(3, wire.length - cut % wire.length));
        damaged[2 + at % (damaged.length - 2)] = value;
        DecodeResult r = IsupCodec.decode(damaged, g.variant());
        if (r instanceof DecodeResult.Decoded(IsupMessage m)) {
            readEveryTypedView(m);
            assertThat(IsupCodec.decode(IsupCodec.encode(m, g.variant()).orElseThrow(), g.variant()))
                    .isEqualTo(r);
        } else {
            assertThat(((DecodeResult.DecodeError) r).reason()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void typedViewsNeverThrowOnArbitraryParameterContents(@ForAll("messages") Generated g) {
        readEveryTypedView(g.message());
    }

    private static void readEveryTypedView(IsupMessage m) {
        m.calledPartyNumber();
        m.callingPartyNumber();
        m.connectedNumber();
        m.redirectingNumber();
        m.originalCalledNumber();
        m.redirectionNumber();
        m.subsequentNumber();
        m.causeIndicators();
        m.callingPartyCategory();
        m.natureOfConnectionIndicators();
        m.forwardCallIndicators();
        m.backwardCallIndicators();
        m.eventInformation();
        m.rangeAndStatus();
        m.redirectionInformation();
    }

    /** A message and the variant it was made for. */
    record Generated(IsupVariant variant, IsupMessage message) {}

    @Provide
    Arbitrary<byte[]> octets() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        List<Byte> types = SampleMessages.all(IsupVariant.ITU).stream()
                .filter(m -> !(m instanceof IsupMessage.Unknown))
                .map(m -> (byte) m.type().code())
                .toList();
        Arbitrary<byte[]> typed = Combinators.combine(
                        Arbitraries.of(types),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as((t, rest) -> {
                    byte[] b = new byte[3 + rest.length];
                    b[2] = t;
                    System.arraycopy(rest, 0, b, 3, rest.length);
                    return b;
                });
        return Arbitraries.oneOf(any, typed);
    }

    @Provide
    Arbitrary<Generated> messages() {
        // no edge cases for the choice of variant and type: jqwik would otherwise pick the first IAM most of the time
        return Arbitraries.of(IsupVariant.values()).withoutEdgeCases().flatMap(v -> {
            List<Integer> types = IntStream.range(0, 256)
                    .filter(c -> MessageFormat.of(v, c) != null)
                    .boxed()
                    .toList();
            Arbitrary<IsupMessage> known = Arbitraries.of(types)
                    .withoutEdgeCases()
                    .flatMap(t -> message(v, IsupMessageType.valueOf(t), MessageFormat.of(v, t)));
            Arbitrary<IsupMessage> unknown = Combinators.combine(
                            Arbitraries.integers().between(0, IsupCodec.cicMax(v)),
                            Arbitraries.integers().between(1, 255).filter(c -> MessageFormat.of(v, c) == null),
                            Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                    .as((cic, type, body) -> new IsupMessage.Unknown(cic, IsupMessageType.valueOf(type), body));
            return Arbitraries.frequencyOf(Tuple.of(9, known), Tuple.of(1, unknown))
                    .map(m -> new Generated(v, m));
        });
    }

    private static Arbitrary<IsupMessage> message(IsupVariant v, IsupMessageType type, MessageFormat f) {
        List<Arbitrary<IsupParameter>> mandatory = new ArrayList<>();
        for (int i = 0; i < f.fixedCodes().length; i++) {
            mandatory.add(parameter(f.fixedCodes()[i], f.fixedLengths()[i], f.fixedLengths()[i]));
        }
        for (int code : f.variableCodes()) {
            mandatory.add(parameter(code, 0, 24));
        }
        Arbitrary<List<IsupParameter>> optional = f.optionalPart()
                ? Arbitraries.integers()
                        .between(1, 255)
                        .flatMap(c -> Arbitraries.bytes()
                                .array(byte[].class)
                                .ofMaxSize(24)
                                .map(b -> new IsupParameter(ParameterCode.valueOf(c), b)))
                        .list()
                        .ofMaxSize(5)
                : Arbitraries.just(List.of());
        return Combinators.combine(
                        Arbitraries.integers().between(0, IsupCodec.cicMax(v)),
                        Combinators.combine(mandatory).as(List::copyOf),
                        optional)
                .as((cic, m, o) -> {
                    List<IsupParameter> all = new ArrayList<>(m);
                    all.addAll(o);
                    return IsupMessage.of(type, cic, IsupParameters.of(all));
                });
    }

    /**
     * A parameter of {@code code} with arbitrary contents, readable by its typed view or not. A variable one is, three
     * times in four, at least 3 octets with bit 8 of the first set: long enough for any of the mandatory variable
     * parameters (numbers, cause indicators without octet 1a, range and status), so that most messages encode.
     */
    private static Arbitrary<IsupParameter> parameter(int code, int minLength, int maxLength) {
        ParameterCode c = ParameterCode.valueOf(code);
        Arbitrary<byte[]> any =
                Arbitraries.bytes().array(byte[].class).ofMinSize(minLength).ofMaxSize(maxLength);
        Arbitrary<byte[]> contents = minLength == maxLength
                ? any
                : Arbitraries.frequencyOf(
                        Tuple.of(1, any),
                        Tuple.of(
                                3,
                                Arbitraries.bytes()
                                        .array(byte[].class)
                                        .ofMinSize(Math.max(3, minLength))
                                        .ofMaxSize(maxLength)
                                        .map(b -> {
                                            b[0] |= (byte) 0x80;
                                            return b;
                                        })));
        return contents.map(b -> new IsupParameter(c, b));
    }
}
