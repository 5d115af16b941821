package org.pstngw.sip.ua;

import java.util.ArrayList;
import java.util.List;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;

/**
 * The Request-URI and Route values of a request within a dialog (RFC 3261 12.2.1.1), from the dialog's route set and
 * remote target:
 *
 * <ul>
 *   <li>no route set: the remote target as Request-URI, no Route;
 *   <li>loose routing (the first route has {@code ;lr}): the remote target as Request-URI, the route set as Route;
 *   <li>strict routing (the first route lacks {@code ;lr}: an RFC 2543 proxy): the first route as Request-URI, without
 *       the parameters a Request-URI may not carry (method, 19.1.1 Table 1) and without headers; the rest of the route
 *       set as Route, then the remote target as the last Route.
 * </ul>
 *
 * Either way the request goes to the first route when there is one (8.1.2), which a strict router also has as
 * Request-URI.
 *
 * @param requestUri the Request-URI
 * @param routes the Route values, in order
 */
record DialogRouting(Uri requestUri, List<NameAddr> routes) {
    DialogRouting {
        routes = List.copyOf(routes);
    }

    static DialogRouting of(List<NameAddr> routeSet, Uri remoteTarget) {
        if (routeSet.isEmpty() || !(routeSet.getFirst().uri() instanceof SipUri first) || first.lr()) {
            return new DialogRouting(remoteTarget, routeSet);
        }
        List<NameAddr> routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
        routes.add(NameAddr.of(remoteTarget));
        return new DialogRouting(first.withoutParamAndHeaders("method"), routes);
    }
}
