package in.gov.sangam.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Some requests Tomcat refuses by itself, before Spring or a route sees them: a path with an encoded slash,
 * backslash or NUL, or invalid UTF-8; a request line or header over 8 KiB; a TRACE. Those answers bypass the
 * {@code /error} page ({@link ProblemErrorController}) and were Tomcat's HTML. This replaces Tomcat's error report
 * (the valve Spring Boot installs on the host) with one that writes the same problem documents as the rest of the API.
 */
@Component
class TomcatErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final int LONGEST_INSTANCE = 1000;

    private final Problems problems;

    TomcatErrorProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // Else the host, starting, finds no valve of its configured class and adds Tomcat's own again.
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReport.class.getName());
            }
            host.getPipeline().addValve(new ProblemReport(problems));
        });
    }

    /** After Spring Boot's own customizer, which installs the valve replaced here. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, as a problem document. */
    static final class ProblemReport extends ErrorReportValve {

        private final Problems problems;

        ProblemReport(Problems problems) {
            this.problems = problems;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: only an error nothing has answered yet, on a connection that can still be written.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ProblemType type = ProblemType.forStatus(status);
            String path = request.getRequestURI();
            String instance = path == null || path.length() > LONGEST_INSTANCE ? null : path;
            try {
                response.setContentType(Problems.MEDIA_TYPE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problems.json(type, ProblemErrorController.detail(type, instance), null, instance));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client is gone or the answer was already on its way, as Tomcat's own report assumes.
            }
        }
    }
}
