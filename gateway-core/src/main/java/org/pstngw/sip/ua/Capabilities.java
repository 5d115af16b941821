package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pstngw.sip.transaction.SipAdapter;
import org.pstngw.sip.transaction.interim.SipRequest;
import org.pstngw.sip.transaction.interim.SipResponse;

/** What this UA supports, and the answers that say so: OPTIONS (11.2), 405 (8.2.1), 420 (8.2.2.3). */
final class Capabilities {
    private Capabilities() {}

    static final Set<String> METHODS = Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "UPDATE", "PRACK");
    static final Set<String> EXTENSIONS = Set.of("100rel");

    /** 200 to OPTIONS with Allow, Accept and Supported. */
    static SipResponse optionsAnswer(SipRequest options, UaContext ctx) {
        return SipAdapter.withHeaders(
                SipAdapter.response(options, 200, "OK", SipAdapter.toTag(options) == null ? Ids.tag() : null),
                List.of(
                        new Header("Allow", UaContext.ALLOW),
                        new Header("Accept", UaContext.ACCEPT),
                        new Header("Supported", UaContext.SUPPORTED)),
                Optional.empty());
    }

    /** The option tags of Require this UA does not support (a non-empty list means 420). */
    static List<String> unsupported(SipRequest request) {
        return SipAdapter.optionTags(request, "Require").stream()
                .filter(t -> !EXTENSIONS.contains(t))
                .toList();
    }
}
