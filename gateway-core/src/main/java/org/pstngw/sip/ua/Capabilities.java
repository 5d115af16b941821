package org.pstngw.sip.ua;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;

/** What this UA supports, and the answers that say so: OPTIONS (11.2), 405 (8.2.1), 420 (8.2.2.3). */
final class Capabilities {
    private Capabilities() {}

    static final Set<SipMethod> METHODS = Set.of(
            SipMethod.INVITE,
            SipMethod.ACK,
            SipMethod.CANCEL,
            SipMethod.BYE,
            SipMethod.OPTIONS,
            SipMethod.INFO,
            SipMethod.UPDATE,
            SipMethod.PRACK);
    /** 200 to OPTIONS with Allow, Accept and Supported. */
    static SipResponse optionsAnswer(SipRequest options, UaContext ctx) {
        SipMessageBuilder b = ctx.replies
                .builder(options, SipStatus.OK)
                .header(HeaderNames.ALLOW, UaContext.ALLOW)
                .header(Names.ACCEPT, UaContext.ACCEPT);
        ctx.supported().ifPresent(v -> b.header(HeaderNames.SUPPORTED, v));
        return b.buildResponse();
    }

    /** 405 with Allow (8.2.1). */
    static SipResponse methodNotAllowed(SipRequest request, UaContext ctx) {
        return ctx.replies
                .builder(request, SipStatus.METHOD_NOT_ALLOWED)
                .header(HeaderNames.ALLOW, UaContext.ALLOW)
                .buildResponse();
    }

    /** The option tags of Require this UA does not support (a non-empty list means 420). */
    static List<String> unsupported(SipRequest request, UaSettings settings) {
        Set<String> extensions = settings.reliableProvisionals() ? Set.of(Names.REL100) : Set.of();
        return request.require().stream()
                .filter(t -> !extensions.contains(t.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Whether {@code tag} is among the message's Supported or Require option tags. */
    static boolean hasOption(SipRequest request, String tag) {
        return request.supported().stream().anyMatch(t -> t.equalsIgnoreCase(tag))
                || request.require().stream().anyMatch(t -> t.equalsIgnoreCase(tag));
    }
}
