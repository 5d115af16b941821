package org.pstngw.sip.ua;

import org.pstngw.sip.message.HeaderNames;

/** Header names and option tags the UA core uses that {@link HeaderNames} does not define. */
final class Names {
    private Names() {}

    static final String USER_AGENT = "User-Agent";
    static final String SERVER = "Server";
    static final String ACCEPT = "Accept";
    static final String ACCEPT_ENCODING = "Accept-Encoding";
    static final String CONTENT_ENCODING = "Content-Encoding";
    static final String UNSUPPORTED = "Unsupported";
    static final String RETRY_AFTER = "Retry-After";
    static final String WARNING = "Warning";
    /** RFC 6086. */
    static final String INFO_PACKAGE = "Info-Package";
    /** RFC 6086. */
    static final String RECV_INFO = "Recv-Info";

    /** RFC 3262's option tag (Supported, Require). */
    static final String REL100 = "100rel";
}
