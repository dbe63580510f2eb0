package id.berdaya.ui.components;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected error in a view is logged by Vaadin's handler with any NIK in it masked. */
class NikSafeErrorsTest {

    private static final String NIK = "3303014101909001";
    private final Logger vaadin = (Logger) LoggerFactory.getLogger(DefaultErrorHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        vaadin.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        vaadin.detachAppender(logged);
    }

    @Test
    void aDuplicateKeyErrorIsLoggedWithoutTheNik() {
        RuntimeException duplicate = new org.springframework.dao.DuplicateKeyException("insert into registry_beneficiary ...",
                new java.sql.SQLIntegrityConstraintViolationException("Duplicate entry '" + NIK + "' for key 'nik'"));

        new NikSafeErrors.Handler().error(new ErrorEvent(duplicate));

        assertThat(logged.list).isNotEmpty();
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent e : logged.list) {
            text.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        assertThat(text.toString()).contains("Duplicate entry '3303 •••• •••• ••••'", "DuplicateKeyException").doesNotContain(NIK);
    }
}
