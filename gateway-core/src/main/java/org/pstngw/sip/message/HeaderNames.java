package org.pstngw.sip.message;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Header names: compact forms (RFC 3261 7.3.3 and extensions), canonical spelling, which may not be comma-split. */
public final class HeaderNames {
    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTACT = "Contact";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String REQUIRE = "Require";
    public static final String SUPPORTED = "Supported";
    public static final String ALLOW = "Allow";
    public static final String RSEQ = "RSeq";
    public static final String RACK = "RAck";
    public static final String REASON = "Reason";
    public static final String EXPIRES = "Expires";

    private static final Map<String, String> COMPACT_TO_LONG = Map.ofEntries(
            Map.entry("i", CALL_ID),
            Map.entry("m", CONTACT),
            Map.entry("f", FROM),
            Map.entry("t", TO),
            Map.entry("v", VIA),
            Map.entry("l", CONTENT_LENGTH),
            Map.entry("c", CONTENT_TYPE),
            Map.entry("k", SUPPORTED),
            Map.entry("s", "Subject"),
            Map.entry("e", "Content-Encoding"),
            Map.entry("o", "Event"),
            Map.entry("r", "Refer-To"),
            Map.entry("u", "Allow-Events"),
            Map.entry("b", "Referred-By"),
            Map.entry("x", "Session-Expires"),
            Map.entry("y", "Identity"),
            Map.entry("a", "Accept-Contact"),
            Map.entry("j", "Reject-Contact"),
            Map.entry("d", "Request-Disposition"),
            Map.entry("n", "Identity-Info"));

    private static final Map<String, String> LONG_TO_COMPACT = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        COMPACT_TO_LONG.forEach((k, v) -> LONG_TO_COMPACT.put(v, k));
    }

    /**
     * Headers whose grammar is a comma-separated list ({@code 1#element}), RFC 3261 7.3.1 and 20, RFC 3262, RFC 3265,
     * RFC 3325, RFC 3326, RFC 3327, RFC 3329, RFC 3608, RFC 3841, RFC 7044. Any other header, known or not, is one value
     * per field: its commas are not separators (e.g. an unknown header, Authorization, Date).
     */
    private static final Set<String> LIST = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    private static final List<String> LIST_NAMES = List.of(
            "Via",
            "Route",
            "Record-Route",
            "Contact",
            "Supported",
            "Require",
            "Proxy-Require",
            "Unsupported",
            "Allow",
            "Accept",
            "Accept-Encoding",
            "Accept-Language",
            "Alert-Info",
            "Call-Info",
            "Error-Info",
            "Content-Encoding",
            "Content-Language",
            "In-Reply-To",
            "Warning",
            "Reason",
            "Allow-Events",
            "Path",
            "Service-Route",
            "P-Asserted-Identity",
            "P-Preferred-Identity",
            "P-Associated-URI",
            "History-Info",
            "Security-Client",
            "Security-Server",
            "Security-Verify",
            "Accept-Contact",
            "Reject-Contact",
            "Request-Disposition");

    static {
        LIST.addAll(LIST_NAMES);
    }

    private HeaderNames() {}

    /** The long form of {@code name} if it is compact, else {@code name} as given. */
    public static String longForm(String name) {
        if (name.length() == 1) {
            String l = COMPACT_TO_LONG.get(name.toLowerCase(Locale.ROOT));
            if (l != null) {
                return l;
            }
        }
        return name;
    }

    /** The compact letter of {@code name} (long form, any case), or null. */
    static String compactOf(String name) {
        return LONG_TO_COMPACT.get(name);
    }

    /** True when two header names denote the same header (case-insensitive, compact forms). */
    public static boolean matches(String a, String b) {
        return longForm(a).equalsIgnoreCase(longForm(b));
    }

    /**
     * True when header {@code name} (long or compact form) is defined as a comma-separated list, so that one field may
     * carry several values (RFC 3261 7.3.1); false for every other header, including unknown ones.
     */
    public static boolean isList(String name) {
        return LIST.contains(longForm(name));
    }
}
