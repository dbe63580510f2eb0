package id.berdaya.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckingLogFactoryTest {

    private static final String NAME = "id.berdaya.test.LevelChecking";
    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            e.getCallerData(); // caller data is taken from the stack at the time of logging, as a %caller pattern would
            super.append(e);
        }
    };

    @BeforeEach
    void listen() {
        events.start();
        logback.addAppender(events);
        logback.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        logback.detachAppender(events);
        logback.setLevel(null);
    }

    @Test
    void commonsLoggingFindsThisFactoryBeforeItsOwnSlf4jBridge() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
        assertThat(LogFactory.getLog(NAME)).isInstanceOf(LevelCheckingLogFactory.LevelCheckingLog.class);
    }

    @Test
    void aMessageBelowTheLevelIsNeverRendered() {
        Log log = LogFactory.getLog(NAME);
        AtomicInteger rendered = new AtomicInteger();
        log.debug(LogMessage.of(() -> "debug " + rendered.incrementAndGet()));
        log.trace(LogMessage.of(() -> "trace " + rendered.incrementAndGet()));

        assertThat(rendered).hasValue(0);
        assertThat(events.list).isEmpty();
    }

    @Test
    void aMessageAtOrAboveTheLevelIsLoggedWithItsLevelCallerAndThrowable() {
        Log log = LogFactory.getLog(NAME);
        IllegalStateException failure = new IllegalStateException("boom");
        log.info(LogMessage.of(() -> "info line"));
        log.warn("warn line", failure);
        log.fatal("fatal line");

        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("info line", "warn line", "fatal line");
        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN, Level.ERROR);
        assertThat(events.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
        assertThat(events.list.getFirst().getCallerData()[0].getClassName()).isEqualTo(getClass().getName());
    }
}
