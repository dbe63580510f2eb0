package id.berdaya.core.logging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LocationAwareLogger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commons Logging (which Spring Framework 7 and Spring Security log through) on SLF4J, checking
 * the level <em>before</em> a message is turned into text.
 *
 * <p>Commons Logging 1.3's own SLF4J bridge calls {@code String.valueOf(message)} for every call,
 * also for a level that is off. Spring passes lazy messages ({@code LogMessage.of(() -> ...)})
 * expecting them to be rendered only when logged, so with that bridge each method-security check
 * built the text "Authorizing method invocation ReflectiveMethodInvocation: public ..." for a debug
 * line nobody logs (about 7 µs per service call, measured with the register benchmark's
 * {@code whereTheServiceTimeGoes}). This factory is found before the built-in bridge: Commons
 * Logging reads {@code META-INF/services/org.apache.commons.logging.LogFactory} before it looks
 * for SLF4J.
 */
public final class LevelCheckingLogFactory extends LogFactory {

    private final Map<String, Log> logs = new ConcurrentHashMap<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, n -> new LevelCheckingLog(LoggerFactory.getLogger(n)));
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void release() {
        logs.clear();
    }

    /** One logger: a message is rendered only when its level is on. */
    static final class LevelCheckingLog implements Log {

        private static final String FQCN = LevelCheckingLog.class.getName();
        private final Logger logger;
        private final LocationAwareLogger located;

        LevelCheckingLog(Logger logger) {
            this.logger = logger;
            this.located = logger instanceof LocationAwareLogger l ? l : null;
        }

        @Override
        public boolean isTraceEnabled() {
            return logger.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return logger.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return logger.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return logger.isErrorEnabled();
        }

        @Override
        public boolean isFatalEnabled() {
            return logger.isErrorEnabled();
        }

        @Override
        public void trace(Object message) {
            log(LocationAwareLogger.TRACE_INT, message, null);
        }

        @Override
        public void trace(Object message, Throwable t) {
            log(LocationAwareLogger.TRACE_INT, message, t);
        }

        @Override
        public void debug(Object message) {
            log(LocationAwareLogger.DEBUG_INT, message, null);
        }

        @Override
        public void debug(Object message, Throwable t) {
            log(LocationAwareLogger.DEBUG_INT, message, t);
        }

        @Override
        public void info(Object message) {
            log(LocationAwareLogger.INFO_INT, message, null);
        }

        @Override
        public void info(Object message, Throwable t) {
            log(LocationAwareLogger.INFO_INT, message, t);
        }

        @Override
        public void warn(Object message) {
            log(LocationAwareLogger.WARN_INT, message, null);
        }

        @Override
        public void warn(Object message, Throwable t) {
            log(LocationAwareLogger.WARN_INT, message, t);
        }

        @Override
        public void error(Object message) {
            log(LocationAwareLogger.ERROR_INT, message, null);
        }

        @Override
        public void error(Object message, Throwable t) {
            log(LocationAwareLogger.ERROR_INT, message, t);
        }

        @Override
        public void fatal(Object message) {
            log(LocationAwareLogger.ERROR_INT, message, null);
        }

        @Override
        public void fatal(Object message, Throwable t) {
            log(LocationAwareLogger.ERROR_INT, message, t);
        }

        /** Renders and logs the message only if its level is on. */
        private void log(int level, Object message, Throwable t) {
            boolean on = switch (level) {
                case LocationAwareLogger.TRACE_INT -> logger.isTraceEnabled();
                case LocationAwareLogger.DEBUG_INT -> logger.isDebugEnabled();
                case LocationAwareLogger.INFO_INT -> logger.isInfoEnabled();
                case LocationAwareLogger.WARN_INT -> logger.isWarnEnabled();
                default -> logger.isErrorEnabled();
            };
            if (!on) {
                return;
            }
            String text = String.valueOf(message);
            if (located != null) {
                located.log(null, FQCN, level, text, null, t);
                return;
            }
            switch (level) {
                case LocationAwareLogger.TRACE_INT -> logger.trace(text, t);
                case LocationAwareLogger.DEBUG_INT -> logger.debug(text, t);
                case LocationAwareLogger.INFO_INT -> logger.info(text, t);
                case LocationAwareLogger.WARN_INT -> logger.warn(text, t);
                default -> logger.error(text, t);
            }
        }
    }
}
