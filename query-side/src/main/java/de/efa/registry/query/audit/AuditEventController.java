package de.efa.registry.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import de.efa.registry.platform.web.RegistryProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The event history for auditors (AUDITOR, ADMIN by URL rule): read only, everything as it was stored, payloads at
 * today's revision.
 */
@RestController
@Tag(name = ApiTags.AUDIT)
@RequestMapping("/api/v1/audit")
class AuditEventController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final EventHistory history;
    private final ObjectWriter lineWriter;

    AuditEventController(EventHistory history, ObjectMapper objectMapper) {
        this.history = history;
        this.lineWriter = objectMapper.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listEvents", summary = "Stored events in position order",
            description = "Every stored event with its payload and metadata (principal, correlation and causation ids, "
                    + "hash and previous hash), after a position, filtered by aggregate, type or time; next is the "
                    + "position to ask after for the following page.")
    EventPage events(@RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit,
                     @RequestParam(required = false) String aggregateId, @RequestParam(required = false) String type,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (after != null && after < 0) {
            throw new de.efa.registry.kernel.common.InvalidValueException("after", "after must not be negative");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new de.efa.registry.kernel.common.InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        EventFilter filter = new EventFilter(aggregateId, type, AuditInstant.parse(from, "from"), AuditInstant.parse(to, "to"));
        return history.page(after == null ? 0 : after, limit == null ? DEFAULT_LIMIT : limit, filter);
    }

    /**
     * Every event as one JSON line, written while the log is read batch by batch: nothing is collected, so memory
     * stays flat for millions of events and the first lines leave before the last are read.
     */
    @GetMapping(path = "/events/export", produces = "application/x-ndjson")
    @Operation(operationId = "exportEvents", summary = "Export the events as NDJSON",
            description = "Streams every stored event between from and to, one JSON object per line, with the same fields "
                    + "as the event list; the input of the offline verifier (docs/audit.md).")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        EventFilter filter = new EventFilter(null, null, AuditInstant.parse(from, "from"), AuditInstant.parse(to, "to"));
        StreamingResponseBody body = out -> {
            OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            try {
                history.each(filter, event -> writeLine(buffered, event));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            buffered.flush();
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"registry-events.ndjson\"")
                .body(body);
    }

    @GetMapping(path = "/aggregates/{aggregateId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAggregateHistory", summary = "The history of one record",
            description = "Every event of one aggregate (a service, a municipality, a cooperation) in order, with what "
                    + "caused it.")
    AggregateHistory aggregate(@PathVariable String aggregateId) {
        List<AuditedEvent> events = history.aggregate(aggregateId);
        if (events.isEmpty()) {
            throw RegistryProblem.notFound("Aggregate", aggregateId);
        }
        return new AggregateHistory(events);
    }

    private void writeLine(OutputStream out, AuditedEvent event) {
        try {
            lineWriter.writeValue(out, event);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
