package in.gov.sangam.logs;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One log line per event about an application, with the application's id in the MDC ({@code applicationId}) so the
 * log pattern prints it as the correlation field and every line about an application can be found by it.
 */
public final class ApplicationLog {

    private ApplicationLog() {
    }

    public static void info(Logger log, String applicationId, String message, Object... arguments) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("applicationId", applicationId)) {
            log.info(message, arguments);
        }
    }
}
