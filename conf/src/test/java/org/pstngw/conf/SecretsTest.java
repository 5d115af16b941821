package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String YAML = """
            sip:
              transports:
                - protocol: tls
                  keystore: k.p12
                  keystore-password: hunter2-ks
                  truststore-password: hunter2-ts
            """;

    @Test
    void passwordsAreReadButNeverPrinted() {
        GatewayConfig c = GatewayConfigLoader.parse(YAML, "tls.yaml");
        SipTransportConfig t = c.sip().transports().get(0);
        assertThat(t.keystorePassword().reveal()).isEqualTo("hunter2-ks");
        assertThat(t.truststorePassword().reveal()).isEqualTo("hunter2-ts");
        assertThat(c.toString()).doesNotContain("hunter2").contains("******");
        assertThat(ConfigSchema.describe()).doesNotContain("hunter2").contains("(secret)");
    }

    @Test
    void secretsStayOutOfErrorsAboutOtherFields() {
        try {
            GatewayConfigLoader.parse(YAML + "      port: nope\n", "tls.yaml");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("hunter2").contains("sip.transports[0].port");
            return;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void secretsCanComeFromTheEnvironment() {
        String yaml = """
                sip:
                  transports:
                    - protocol: tls
                      keystore: k.p12
                      keystore-password: ${env:GW_KS}
                      truststore-password: ${env:GW_TS}
                """;
        java.util.Map<String, String> env = java.util.Map.of("GW_KS", "from-env");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayConfigLoader.parse(yaml, "tls.yaml", env::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(
                        "tls.yaml:6:28: sip.transports[0].truststore-password: environment variable GW_TS is not set");
        GatewayConfig c = GatewayConfigLoader.parse(yaml, "tls.yaml", n -> "v-" + n);
        assertThat(c.sip().transports().get(0).keystorePassword().reveal()).isEqualTo("v-GW_KS");
    }

    @Test
    void anUnsetSecretSaysSo() {
        assertThat(Secret.NONE).hasToString("(unset)");
        assertThat(Secret.NONE.isSet()).isFalse();
    }
}
