package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigLocationTest {
    @Test
    void printsFileLineAndColumn() {
        assertThat(new ConfigLocation("gateway.yaml", 12, 5)).hasToString("gateway.yaml:12:5");
    }
}
