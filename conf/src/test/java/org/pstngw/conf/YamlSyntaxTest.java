package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Malformed YAML is a ConfigError with a location, never a parser exception. */
class YamlSyntaxTest {
    private static ConfigError onlyError(String yaml) {
        try {
            GatewayConfigLoader.parse(yaml, "bad.yaml");
        } catch (ConfigException e) {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.getCause()).isNull();
            assertThat(e.getStackTrace()).isEmpty();
            return e.errors().get(0);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void unclosedFlowSequence() {
        ConfigError e = onlyError("sip:\n  t1: [500ms\n");
        assertThat(e.file()).isEqualTo("bad.yaml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.message()).startsWith("YAML syntax: ");
    }

    @Test
    void badIndentation() {
        ConfigError e = onlyError("sip:\n  t1: 1s\n t2: 4s\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.toString()).startsWith("bad.yaml:3:2: YAML syntax: ");
    }

    @Test
    void tabIndentation() {
        ConfigError e = onlyError("sip:\n\tt1: 1s\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.message()).startsWith("YAML syntax: ");
    }

    @Test
    void undefinedAlias() {
        ConfigError e = onlyError("sip: *nothing\n");
        assertThat(e.toString()).startsWith("bad.yaml:1:6: YAML syntax: ");
    }

    @Test
    void aliasesAreFollowed() {
        GatewayConfig c = GatewayConfigLoader.parse(
                "tdm:\n  spans:\n    - &e1 {name: a}\nss7:\n  circuit-groups: [{span: a}]\n", "ok.yaml");
        assertThat(c.tdm().spans()).hasSize(1);
    }

    @Test
    void binaryGarbageIsAnErrorNotACrash() {
        assertThatThrownBy(() -> GatewayConfigLoader.parse("\u0000\u0001{[", "bin.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bin.yaml");
    }
}
