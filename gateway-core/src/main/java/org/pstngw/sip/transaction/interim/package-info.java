/**
 * An interim stand-in for the message model of {@code org.pstngw.sip.message} (owned by another work stream, not yet
 * available when the stack was written): a SIP message as its first line, an ordered list of header fields and a body,
 * with a strict splitter. Everything above reads messages only through {@link org.pstngw.sip.transaction.SipAdapter},
 * so replacing this package with the real model changes that adapter and the imports, nothing else.
 */
package org.pstngw.sip.transaction.interim;
