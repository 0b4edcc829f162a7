package de.efa.registry.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import de.efa.registry.kernel.common.DomainException;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.platform.requestid.CurrentRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every refusal into an RFC 9457 problem: the client learns what was wrong, never how the server is built.
 * A store that cannot be reached is a 503 ({@link StoreUnavailable}); anything else unexpected is logged here and
 * answered as a bare 500.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RegistryProblem.class)
    public ResponseEntity<ProblemDetail> registryProblem(RegistryProblem problem) {
        return problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), null);
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> domainRefusal(DomainException refusal) {
        return registryProblem(RegistryProblem.of(refusal));
    }

    @ExceptionHandler(InvalidValueException.class)
    public ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        List<Map<String, String>> errors = e.field() == null ? null : List.of(fieldError(e.field(), e.getMessage()));
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", e.getMessage(), errors);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_CHANGE, "Concurrent change",
                "Someone else changed the same record at the same moment; read it again and retry", null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "No record with id " + e.getAggregateIdentifier(), null);
    }

    /** Axon wraps handler exceptions only when they crossed a process boundary; unwrap what we recognise. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RegistryProblem problem) {
            return registryProblem(problem);
        }
        if (cause instanceof DomainException refusal) {
            return domainRefusal(refusal);
        }
        if (cause instanceof InvalidValueException invalid) {
            return invalidValue(invalid);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrentChange((RuntimeException) cause);
        }
        return unexpected(e);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    public ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "Your role or state may not do this", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Throwable root = e.getMostSpecificCause();
        String message = root instanceof InvalidValueException ? root.getMessage()
                : ReadingMistakes.allowedValues(e.getRequiredType()).orElse("has an invalid value");
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input",
                "Parameter '" + e.getName() + "' " + (root instanceof InvalidValueException ? "is invalid: " + message : message),
                List.of(fieldError(e.getName(), message)));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Throwable storeFailure = StoreUnavailable.cause(e);
        if (storeFailure != null) {
            log.warn("Store unavailable: {}", storeFailure.toString());
            return StoreUnavailable.answer();
        }
        log.error("Unexpected failure in {}", CurrentRequest.describe(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The registry could not complete the request", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> fieldError(f.getField(), f.getDefaultMessage())).toList();
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(FieldError::getField).distinct().collect(Collectors.joining(", ", "Invalid fields: ", ""));
        return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> fieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", "Invalid parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        // Spring's own detail names the Java type of the parameter; the client needs only its name
        return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input",
                "Parameter '" + ex.getParameterName() + "' is required",
                List.of(fieldError(ex.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = cause instanceof InvalidValueException ? cause.getMessage()
                    : ReadingMistakes.allowedValues(cause).orElse("has the wrong type or format");
            return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input",
                    "Field '" + field + "' " + (cause instanceof InvalidValueException ? "is invalid: " + message : message),
                    List.of(fieldError(field, message))));
        }
        java.util.Optional<String> ambiguous = ReadingMistakes.ambiguousBody(cause);
        if (ambiguous.isPresent()) {
            return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed body", ambiguous.get(), null));
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean json = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        return cast(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed body",
                json ? "The request body is missing or is not well-formed JSON" : "The request body is missing or unreadable",
                null));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        // Spring's own detail speaks of a "static resource", which says how the server looks for it, not what is wrong;
        // in the split deployment a read sent to the command side (or the other way round) lands here too
        return cast(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "Nothing is served at /" + ex.getResourcePath() + " here", null));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring's own MVC exceptions (415, 405, 406, 413, missing parameters…) keep their status and get our form
        if (body instanceof ProblemDetail detail) {
            detail.setType(typeFor(statusCode));
            return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
        }
        return cast(problem(HttpStatus.valueOf(statusCode.value()), typeFor(statusCode),
                HttpStatus.valueOf(statusCode.value()).getReasonPhrase(), ex.getMessage(), null));
    }

    private static URI typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 404 -> ProblemTypes.NOT_FOUND;
            default -> ProblemTypes.INVALID_INPUT;
        };
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail,
                                                        List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
