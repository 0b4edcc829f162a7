package de.efa.registry.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (the servlet container or a filter called {@code sendError}: a path the
 * firewall refused, a request Tomcat could not parse) answer as problems too, never as Spring Boot's default error
 * document or with the exception's message.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // a client asked for /error itself: there is no error to report, and nothing else is served there
            return ProblemAdvice.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "Nothing is served at " + request.getRequestURI() + " here", null);
        }
        // a filter that failed on the store before any controller advice could answer (the idempotency filter answers
        // its own store failures; this is for any other)
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && StoreUnavailable.cause(failure) != null) {
            return StoreUnavailable.answer();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "The registry could not complete the request"
                : status == HttpStatus.BAD_REQUEST ? "The request is malformed" : status.getReasonPhrase();
        return ProblemAdvice.problem(status, ProblemTypes.forStatus(status.value()), status.getReasonPhrase(), detail, null);
    }
}
