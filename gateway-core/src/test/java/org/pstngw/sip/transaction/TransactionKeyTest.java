package org.pstngw.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.timer.ManualScheduler;

class TransactionKeyTest {

    @Test
    void ackMatchesItsInviteAndCancelFindsIt() {
        var invite = TransactionKey.server("z9hG4bK1", "Host:5060", SipMethod.INVITE, "c", "f", 1, "v");
        var ack = TransactionKey.server("z9hG4bK1", "host:5060", SipMethod.ACK, "c", "f", 1, "v");
        var cancel = TransactionKey.server("z9hG4bK1", "host:5060", SipMethod.CANCEL, "c", "f", 1, "v");
        assertThat(ack).isEqualTo(invite);
        assertThat(cancel).isNotEqualTo(invite);
        assertThat(cancel.cancelled()).isEqualTo(invite);
    }

    @Test
    void sentByAndMethodSeparateTransactionsWithTheSameBranch() {
        var a = TransactionKey.server("z9hG4bK1", "a:5060", SipMethod.INVITE, "c", "f", 1, "v");
        assertThat(TransactionKey.server("z9hG4bK1", "b:5060", SipMethod.INVITE, "c", "f", 1, "v"))
                .isNotEqualTo(a);
        assertThat(TransactionKey.server("z9hG4bK1", "a:5060", SipMethod.OPTIONS, "c", "f", 1, "v"))
                .isNotEqualTo(a);
    }

    @Test
    void rfc2543RequestsFallBackToDialogFieldsAndVia() {
        var invite = TransactionKey.server("abc", "a", SipMethod.INVITE, "call", "ft", 7, "SIP/2.0/UDP a");
        var ack = TransactionKey.server("abc", "a", SipMethod.ACK, "call", "ft", 7, "SIP/2.0/UDP a");
        var other = TransactionKey.server("abc", "a", SipMethod.INVITE, "call", "ft", 8, "SIP/2.0/UDP a");
        assertThat(ack).isEqualTo(invite);
        assertThat(other).isNotEqualTo(invite);
        assertThat(TransactionKey.server(null, "a", SipMethod.INVITE, "call", "ft", 7, "SIP/2.0/UDP a"))
                .isEqualTo(invite);
    }

    @Test
    void clientKeyIsBranchAndCseqMethod() {
        assertThat(TransactionKey.client("c", "z9hG4bKx", SipMethod.INVITE))
                .isEqualTo(TransactionKey.client("c", "z9hG4bKx", SipMethod.ACK));
        assertThat(TransactionKey.client("c", "z9hG4bKx", SipMethod.CANCEL))
                .isNotEqualTo(TransactionKey.client("c", "z9hG4bKx", SipMethod.INVITE));
    }

    @Test
    void theCallIdSeparatesKeysWithTheSameBranch() {
        assertThat(TransactionKey.client("a", "z9hG4bKx", SipMethod.INVITE))
                .isNotEqualTo(TransactionKey.client("b", "z9hG4bKx", SipMethod.INVITE));
        assertThat(TransactionKey.server("z9hG4bK1", "h:5060", SipMethod.INVITE, "a", "f", 1, "v"))
                .isNotEqualTo(TransactionKey.server("z9hG4bK1", "h:5060", SipMethod.INVITE, "b", "f", 1, "v"));
        var cancel = TransactionKey.server("z9hG4bK1", "h:5060", SipMethod.CANCEL, "a", "f", 1, "v");
        assertThat(cancel.cancelled().callId()).isEqualTo("a");
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() ->
                        TransactionKey.client("a", "z9hG4bKx", SipMethod.CANCEL).cancelled());
    }

    @Test
    void mergedRequestIsTheSameFromTagCallIdCseqThroughAnotherTransactionUntilItExpires() {
        ManualScheduler clock = new ManualScheduler();
        MergedRequests merged = new MergedRequests(clock.clock(), Duration.ofSeconds(32), 2);
        var first = TransactionKey.client("call", "z9hG4bK1", SipMethod.INVITE);
        var second = TransactionKey.client("call", "z9hG4bK2", SipMethod.INVITE);
        assertThat(merged.isMerged("ft", "call", 1, SipMethod.INVITE, first)).isFalse();
        assertThat(merged.isMerged("ft", "call", 1, SipMethod.INVITE, first)).isFalse();
        assertThat(merged.isMerged("ft", "call", 1, SipMethod.INVITE, second)).isTrue();
        clock.advance(Duration.ofSeconds(32));
        assertThat(merged.isMerged("ft", "call", 1, SipMethod.INVITE, second)).isFalse();
        merged.isMerged("a", "b", 1, SipMethod.INVITE, first);
        merged.isMerged("c", "d", 1, SipMethod.INVITE, first);
        assertThat(merged.size()).isEqualTo(2);
    }
}
