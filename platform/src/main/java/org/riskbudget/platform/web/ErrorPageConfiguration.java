package org.riskbudget.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers answer in problem+json too, as the API promises of every error. Those that
 * reach the application as an error dispatch (the security firewall's refusals, Tomcat's 405 for TRACE) get it from
 * the error controller, in place of Boot's JSON map; those Tomcat raises before a request reaches the application
 * (a request line or header over its limit, an encoded slash or a malformed escape in the path) get it from a
 * report valve, in place of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorPageConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new ProblemReportValveInstaller();
    }

    /** A fixed sentence per status: the request itself is not echoed. */
    static ProblemDetail problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return Problems.forStatus(status, "refused before it reached the API: "
                + (known == null ? "status " + status : known.getReasonPhrase()));
    }

    /** Registered as a member of this configuration, in place of Boot's {@code BasicErrorController}. */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:/error}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            ProblemDetail problem = problem(status instanceof Integer code ? code : 500);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
    }

    /** After Boot's customizer, which puts Tomcat's own (HTML) report valve on the host. */
    static final class ProblemReportValveInstaller implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemReportValve());
                // The host adds a valve of this class when it starts unless it finds one: let it find ours.
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's report of an error nothing else answered, as problem+json. */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            ProblemDetail problem = problem(status);
            String json = Problems.json(problem);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException clientGone) {
                // The connection is closing or already answered: there is no one left to tell.
            }
        }
    }
}
