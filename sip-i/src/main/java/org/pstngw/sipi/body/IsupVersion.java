package org.pstngw.sipi.body;

import java.util.Locale;
import java.util.Optional;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * The {@code version=} / {@code base=} token of an {@code application/ISUP} part (RFC 3204 section 4) and the codec
 * variant it maps to. Known tokens: itu-t92+ / itu-t88 (ITU), ansi00 / ansi92 / ansi88 (ANSI), etsi121, uk-isup
 * (national variants on an ITU base). Any other token is a value too, with no variant: it is supported only when its
 * {@code base=} is.
 */
public record IsupVersion(String token, Optional<IsupVariant> variant) {
    public static final IsupVersion ITU_T92_PLUS = new IsupVersion("itu-t92+", Optional.of(IsupVariant.ITU));
    public static final IsupVersion ITU_T88 = new IsupVersion("itu-t88", Optional.of(IsupVariant.ITU));
    public static final IsupVersion ANSI00 = new IsupVersion("ansi00", Optional.of(IsupVariant.ANSI));
    public static final IsupVersion ANSI92 = new IsupVersion("ansi92", Optional.of(IsupVariant.ANSI));
    public static final IsupVersion ANSI88 = new IsupVersion("ansi88", Optional.of(IsupVariant.ANSI));
    public static final IsupVersion ETSI121 = new IsupVersion("etsi121", Optional.of(IsupVariant.ITU));
    public static final IsupVersion UK_ISUP = new IsupVersion("uk-isup", Optional.of(IsupVariant.ITU));

    private static final IsupVersion[] KNOWN = {ITU_T92_PLUS, ITU_T88, ANSI00, ANSI92, ANSI88, ETSI121, UK_ISUP};

    /** The known version for {@code token} (case-insensitive), or an unsupported one carrying the token. */
    public static IsupVersion valueOf(String token) {
        for (IsupVersion v : KNOWN) {
            if (v.token.equalsIgnoreCase(token)) {
                return v;
            }
        }
        return new IsupVersion(token.toLowerCase(Locale.ROOT), Optional.empty());
    }

    /** The version this gateway emits for a variant. */
    public static IsupVersion of(IsupVariant variant) {
        return variant == IsupVariant.ANSI ? ANSI00 : ITU_T92_PLUS;
    }

    public boolean supported() {
        return variant.isPresent();
    }

    /** The base specification a national variant is written against (RFC 3204 {@code base=}), if it is not itself. */
    public IsupVersion base() {
        return variant.map(IsupVersion::of).orElse(this);
    }
}
