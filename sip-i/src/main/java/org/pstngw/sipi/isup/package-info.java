/**
 * The ISUP message API and codec of the gateway: {@link org.pstngw.sipi.isup.IsupMessage} (one record per Q.763 /
 * T1.113 message type, parameters kept as raw octets with typed views), {@link org.pstngw.sipi.isup.IsupCodec}
 * (table-driven on the Q.763 / T1.113 message layouts, for the M3UA form with the CIC and the SIP-I form without it)
 * and the typed parameters the gateway interprets.
 *
 * <h2>Why this codec and not Restcomm jSS7's</h2>
 *
 * The issue asked for the ISUP part to be coded "on Restcomm jSS7's codec". It is not, deliberately. jSS7
 * 8.0.0-168 (the line on Maven Central) cannot meet what the same issue demands of the codec, as its use from the tests
 * showed (each point is pinned by {@code Jss7CrossCheckTest}, which fails if a later jSS7 fixes it):
 *
 * <ul>
 *   <li>Transparency: an optional parameter it does not know makes it throw {@code ParameterException} (IAM, ACM, REL,
 *       ANM, RES, INR, FOT), where a SIP-I gateway must pass it on; in a SAM it reads no optional part and drops it.
 *   <li>Nothing thrown out of the module: {@code createCommand} of an unknown message type and decoding fewer than
 *       three octets throw {@code IllegalArgumentException}; the address signal ST makes its encoder throw
 *       {@code NumberFormatException}; a decoded USR cannot be re-encoded (an array-index error).
 *   <li>Wire accuracy: it encodes CFN and SAM without the optional part pointer their Q.763 layout has, and it fails to
 *       decode a FAC carrying Remote operations components, even a minimal invoke.
 *   <li>Variants: it has no ANSI T1.113 codec, which the issue requires beside ITU.
 * </ul>
 *
 * jSS7 stays where it is good: its M3UA stack carries the ISUP octets this package produces (module isup-mapping), and
 * its ITU codec is the second opinion in this module's tests (test scope only). tshark's ISUP dissector is the
 * independent judge of both variants ({@code TsharkJudgeIT}).
 */
package org.pstngw.sipi.isup;
