package de.efa.registry.platform.web;

import de.efa.registry.platform.requestid.RequestId;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests refused before any controller still answer as problems: Spring Security's firewall ({@code ..},
 * {@code ;jsessionid}, encoded dots) and Tomcat itself ({@code %2F}, {@code %00} in the path, a request line it cannot
 * parse), which would otherwise answer with its HTML error page.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequestProblems {

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"" + ProblemTypes.forStatus(status) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + (status >= 500 ? "The registry could not complete the request" : "The request was refused")
                + "\"" + requestId() + "}";
    }

    /** The firewall refuses inside the request id filter: its answer names the request (Tomcat's own cannot). */
    private static String requestId() {
        String id = RequestId.current();
        // a request id is letters, digits and . _ - only: nothing to escape
        return id == null ? "" : ",\"" + RequestId.PROBLEM_PROPERTY + "\":\"" + id + "\"";
    }

    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body(400));
        };
    }

    @Bean
    public ValveCustomizer problemErrorReportValve() {
        return new ValveCustomizer();
    }

    /** Runs after Spring Boot's own error report valve is added, so that this one sits closer to the request and answers. */
    public static final class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                host.getPipeline().addValve(new ProblemReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's last word on an error nobody else answered: a problem document instead of an HTML page. */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot take a body: the status alone must do
            }
        }
    }
}
