package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.TdmDrivers;
import org.pstngw.tdm.spi.UnknownDriverException;

class PseudowireDriverProviderTest {
    @Test
    void serviceLoaderFindsThePseudowireDriverByName() {
        assertThat(TdmDrivers.names()).contains("pseudowire");
        try (var driver = TdmDrivers.open("pseudowire", DriverContext.of(new VirtualFrameClock(8)))) {
            assertThat(driver).isInstanceOf(PseudowireDriver.class);
            assertThat(driver.name()).isEqualTo("pseudowire");
            assertThat(driver.spans()).isEmpty();
        }
    }

    @Test
    void aDriverNameThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> TdmDrivers.open("pseudowires", DriverContext.of(new VirtualFrameClock(8))))
                .isInstanceOf(UnknownDriverException.class)
                .hasMessage("driver \"pseudowires\" is not available in this build; available: loopback, pseudowire");
    }
}
