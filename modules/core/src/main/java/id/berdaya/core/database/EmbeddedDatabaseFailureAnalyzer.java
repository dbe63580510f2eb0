package id.berdaya.core.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Puts the embedded database's own message at the end of a failed start, not inside a stack trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        return new FailureAnalysis("Berdaya's embedded MariaDB could not start: " + cause.getMessage(),
                "Fix the cause above, or set spring.datasource.url (with username and password) to use an external "
                        + "MariaDB 10.11+ server instead.", cause);
    }
}
