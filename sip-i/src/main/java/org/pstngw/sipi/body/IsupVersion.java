package org.pstngw.sipi.body;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * The {@code version=} (and {@code base=}) of an {@code application/ISUP} part (RFC 3204 section 3.1) and the codec
 * variant it maps to.
 *
 * <p>RFC 3204 leaves {@code version} values to the network administrators and lists in its Table 1 the {@code base}
 * values, each of which is also a version: {@link #TABLE_1}. This gateway encodes and decodes the ITU-based ones
 * (itu-t88, itu-t92+, etsi121, etsi356) with the Q.763 layouts and the ANSI-based ones (ansi88, ansi00, gr317) with the
 * T1.113 layouts. The Japanese TTC versions (ttc87, ttc93+) are known but not supported: their layouts were not checked
 * against JT-Q763, so a body that names them is handled as an unsupported version. Any other token (a national or
 * network-specific version, e.g. {@code uk-isup}) is supported exactly when its {@code base=} is: such a version is
 * built with {@link #national} and is sent as {@code version=TOKEN;base=BASE}. A peer that sends a national token
 * without {@code base=} by bilateral agreement is read with {@link #of(String, Optional, Map)} and the agreed tokens.
 *
 * @param token the version token as it goes on the wire
 * @param variant the codec variant, empty when this gateway cannot encode or decode the version
 * @param baseToken the {@code base=} sent with a version outside Table 1; empty for Table 1 values, which are bases
 */
public record IsupVersion(String token, Optional<IsupVariant> variant, Optional<String> baseToken) {
    public static final IsupVersion ITU_T88 = base("itu-t88", IsupVariant.ITU);
    public static final IsupVersion ITU_T92_PLUS = base("itu-t92+", IsupVariant.ITU);
    public static final IsupVersion ANSI88 = base("ansi88", IsupVariant.ANSI);
    public static final IsupVersion ANSI00 = base("ansi00", IsupVariant.ANSI);
    public static final IsupVersion ETSI121 = base("etsi121", IsupVariant.ITU);
    public static final IsupVersion ETSI356 = base("etsi356", IsupVariant.ITU);
    public static final IsupVersion GR317 = base("gr317", IsupVariant.ANSI);
    public static final IsupVersion TTC87 = new IsupVersion("ttc87", Optional.empty(), Optional.empty());
    public static final IsupVersion TTC93_PLUS = new IsupVersion("ttc93+", Optional.empty(), Optional.empty());

    /** RFC 3204 Table 1, in its order. */
    public static final List<IsupVersion> TABLE_1 =
            List.of(ITU_T88, ITU_T92_PLUS, ANSI88, ANSI00, ETSI121, ETSI356, GR317, TTC87, TTC93_PLUS);

    public IsupVersion {
        if (token == null || token.isBlank() || variant == null || baseToken == null) {
            throw new IllegalArgumentException("token, variant and base token are required");
        }
        Optional<IsupVariant> table = table1Variant(token);
        if (table != null && (!table.equals(variant) || baseToken.isPresent())) {
            throw new IllegalArgumentException(token + " is an RFC 3204 Table 1 value: variant " + table
                    + " and no base, not " + variant + " and " + baseToken);
        }
    }

    /** The variant of a Table 1 token (empty for the TTC ones, which this gateway does not code); null otherwise. */
    @SuppressWarnings("NullableOptional") // null: not a Table 1 token; empty: a Table 1 token without a variant
    private static Optional<IsupVariant> table1Variant(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "itu-t88", "itu-t92+", "etsi121", "etsi356" -> Optional.of(IsupVariant.ITU);
            case "ansi88", "ansi00", "gr317" -> Optional.of(IsupVariant.ANSI);
            case "ttc87", "ttc93+" -> Optional.empty();
            default -> null;
        };
    }

    private static IsupVersion base(String token, IsupVariant variant) {
        return new IsupVersion(token, Optional.of(variant), Optional.empty());
    }

    /** The Table 1 versions this gateway encodes and decodes, in Table 1 order. */
    public static List<IsupVersion> supportedVersions() {
        return TABLE_1.stream().filter(IsupVersion::supported).toList();
    }

    /** The Table 1 value for {@code token} (case-insensitive), or an unsupported version carrying the token. */
    public static IsupVersion valueOf(String token) {
        for (IsupVersion v : TABLE_1) {
            if (v.token.equals(token)) { // the usual spelling, before the case-insensitive look
                return v;
            }
        }
        for (IsupVersion v : TABLE_1) {
            if (v.token.equalsIgnoreCase(token)) {
                return v;
            }
        }
        return new IsupVersion(token.toLowerCase(Locale.ROOT), Optional.empty(), Optional.empty());
    }

    /**
     * The version a received {@code version=} / {@code base=} pair means: the Table 1 value when the version is one
     * (its base is then itself, whatever {@code base=} says), else a national version on {@code base} when that is a
     * supported Table 1 value, else an unsupported version.
     */
    public static IsupVersion of(String token, Optional<String> base) {
        IsupVersion v = valueOf(token);
        if (inTable1(v) || base.isEmpty()) {
            return v;
        }
        IsupVersion b = valueOf(base.get());
        return inTable1(b) && b.supported()
                ? national(token, b)
                : new IsupVersion(v.token, Optional.empty(), Optional.of(b.token));
    }

    /**
     * As {@link #of(String, Optional)}, and a token outside Table 1 received without {@code base=} is looked up
     * (case-insensitively) in {@code bilateral}: the national versions agreed with the peer, by token (each built with
     * {@link #national}; configuration supplies them). Without an agreement such a token is unsupported.
     */
    public static IsupVersion of(String token, Optional<String> base, Map<String, IsupVersion> bilateral) {
        IsupVersion v = of(token, base);
        if (base.isPresent() || inTable1(v) || bilateral.isEmpty()) {
            return v;
        }
        IsupVersion agreed = bilateral.get(v.token);
        if (agreed == null) {
            for (Map.Entry<String, IsupVersion> e : bilateral.entrySet()) {
                if (e.getKey().equalsIgnoreCase(token)) {
                    agreed = e.getValue();
                }
            }
        }
        return agreed != null && agreed.token.equalsIgnoreCase(token) ? agreed : v;
    }

    /**
     * A national or network-specific version encoded as {@code base} (a Table 1 value): sent as
     * {@code version=token;base=...}, supported when the base is.
     */
    public static IsupVersion national(String token, IsupVersion base) {
        if (!inTable1(base)) {
            throw new IllegalArgumentException("base must be an RFC 3204 Table 1 value, not " + base.token);
        }
        return new IsupVersion(token, base.variant, Optional.of(base.token));
    }

    private static boolean inTable1(IsupVersion v) {
        return table1Index(v) >= 0;
    }

    /** The index of {@code v} in {@link #TABLE_1}, or -1; the constants themselves are found without equals. */
    static int table1Index(IsupVersion v) {
        for (int i = 0; i < TABLE_1.size(); i++) {
            if (TABLE_1.get(i) == v) {
                return i;
            }
        }
        return TABLE_1.indexOf(v);
    }

    /** The version this gateway emits for a variant. */
    public static IsupVersion of(IsupVariant variant) {
        return variant == IsupVariant.ANSI ? ANSI00 : ITU_T92_PLUS;
    }

    public boolean supported() {
        return variant.isPresent();
    }

    /**
     * Whether the version has the forward compatibility mechanism of ITU-T 1992 ISUP (message and parameter
     * compatibility information), as RFC 3204 Table 1 says of each base: yes for itu-t92+, ansi00, etsi356 and
     * ttc93+, no for itu-t88, ansi88, etsi121, gr317 and ttc87. A national version has its base's; a token outside
     * Table 1 with no base has none.
     */
    public boolean hasCompatibilityMechanism() {
        return switch (base().token) {
            case "itu-t92+", "ansi00", "etsi356", "ttc93+" -> true;
            default -> false;
        };
    }

    /** The Table 1 value this version is written against: itself for a Table 1 value or an unknown token. */
    public IsupVersion base() {
        return baseToken.map(IsupVersion::valueOf).orElse(this);
    }
}
