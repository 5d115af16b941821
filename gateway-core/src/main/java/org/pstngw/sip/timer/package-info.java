/** Clock and scheduler abstraction: timer expiries are events delivered on the owning state machine's executor. */
package org.pstngw.sip.timer;
