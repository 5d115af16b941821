package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pstngw.sipi.isup.IsupVariant;

/** The CIC field is as wide as the variant says: 12 bits under ITU-T Q.763, 14 under ANSI T1.113. */
class IsupPduTest {

    private static IsupPdu withCicOctets(int low, int high) {
        return new IsupPdu(1, 2, 0, 2, new byte[] {(byte) low, (byte) high, 0x10});
    }

    @Test
    void ansiCicsUseFourteenBits() {
        IsupPdu pdu = withCicOctets(0xFF, 0x3F);
        assertThat(pdu.cic(IsupVariant.ANSI)).isEqualTo(16383);
        assertThat(withCicOctets(0x01, 0x10).cic(IsupVariant.ANSI)).isEqualTo(4097);
    }

    @Test
    void ituCicsUseTwelveBitsAndIgnoreTheSpareOnes() {
        assertThat(withCicOctets(0xFF, 0x0F).cic(IsupVariant.ITU)).isEqualTo(4095);
        assertThat(withCicOctets(0x01, 0xF0).cic(IsupVariant.ITU)).isEqualTo(1);
    }

    @Test
    void theTwoSpareBitsOfAnAnsiCicAreIgnored() {
        assertThat(withCicOctets(0x05, 0xC0).cic(IsupVariant.ANSI)).isEqualTo(5);
    }

    @Test
    void aUserPartAvailableAnswersOnTheTestsCicOctetsAsTheyCame() {
        IsupPdu upt = new IsupPdu(2, 1, 3, 2, new byte[] {0x34, 0x12, UserPartTest.UPT, 0});
        assertThat(UserPartTest.answer(upt)).containsExactly(0x34, 0x12, UserPartTest.UPA, 0);
    }
}
