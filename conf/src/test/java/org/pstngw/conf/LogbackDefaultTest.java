package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogbackDefaultTest {
    @Test
    void theDefaultConfigurationIncludesCleanlyAndPrintsCallIdAndCic() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String main = "<configuration><include resource=\"org/pstngw/conf/logback-default.xml\"/></configuration>";
        configurator.doConfigure(new ByteArrayInputStream(main.getBytes(StandardCharsets.UTF_8)));
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getEffectiveLevel() >= Status.WARN);
        var async = (ch.qos.logback.classic.AsyncAppender)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        var console = (ConsoleAppender<?>) async.getAppender("CONSOLE");
        String pattern = ((PatternLayoutEncoder) console.getEncoder()).getPattern();
        assertThat(pattern).contains("%X{callId:-}").contains("%X{cic:-}");
        context.stop();
    }
}
