package io.etlfleet.api.raw;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.errors.QueryParams;
import io.etlfleet.api.paging.Cursors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.raw.RawBrowser;
import io.etlfleet.storage.raw.RawObject;
import io.etlfleet.storage.raw.RawQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Stored raw source objects of the caller's tenant, newest first; another tenant's answer 404. */
@RestController
@RequestMapping(path = "/api/v1/raw-data", produces = MediaType.APPLICATION_JSON_VALUE)
public class RawDataController {

    static final int DEFAULT_LIMIT = 50;

    private final RawBrowser raw;
    private final JsonMapper json;

    public RawDataController(RawBrowser raw, JsonMapper json) {
        this.raw = raw;
        this.json = json;
    }

    /**
     * Filters: {@code integration_id}, {@code entity_type}, {@code external_id}, {@code from}
     * (extracted at or after) and {@code to} (before), ISO-8601; {@code limit} 1 to 500
     * (default 50); {@code cursor} the previous page's {@code next_cursor}. Admins may add
     * {@code tenant_id}.
     */
    @GetMapping
    public RawListResponse list(Caller caller,
            @RequestParam(name = "integration_id", required = false) String integrationId,
            @RequestParam(name = "entity_type", required = false) String entityType,
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(name = "tenant_id", required = false) String tenantId) {
        FieldErrors errors = new FieldErrors();
        UUID integration = QueryParams.uuid(errors, "integration_id", integrationId);
        String entity = QueryParams.text(errors, "entity_type", entityType);
        String external = QueryParams.text(errors, "external_id", externalId);
        Instant fromTime = QueryParams.instant(errors, "from", from);
        Instant toTime = QueryParams.instant(errors, "to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.add("to", "must be later than from");
        }
        int size = QueryParams.bounded(errors, "limit", limit, 1, RawQuery.MAX_LIMIT, DEFAULT_LIMIT);
        List<String> position = Cursors.decode(errors, cursor, 1);
        Long beforeId = position == null ? null
                : QueryParams.parse(errors, "cursor", position.get(0), Long::valueOf, "a cursor this API returned");
        UUID tenant = QueryParams.uuid(errors, "tenant_id", tenantId);
        errors.throwIfAny();
        if (!caller.isAdmin()) {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return new RawListResponse(List.of(), null);
            }
            tenant = caller.tenantId();
        }
        List<RawObject> page = raw.list(new RawQuery(tenant, integration, entity, external, fromTime, toTime, beforeId,
                size));
        String next = page.size() < size ? null : Cursors.encode(page.get(page.size() - 1).id());
        return new RawListResponse(page.stream().map(this::response).toList(), next);
    }

    @GetMapping("/{id}")
    public RawObjectResponse get(Caller caller, @PathVariable long id) {
        return raw.find(caller.tenantId(), id).map(this::response)
                .orElseThrow(() -> ApiException.notFound("raw object", id));
    }

    private RawObjectResponse response(RawObject object) {
        return new RawObjectResponse(object.id(), object.tenantId(), object.integrationId(), object.entityType(),
                object.externalId(), json.readTree(object.rawJson()), json.readTree(object.metadataJson()),
                object.contentHash(), object.sourceUpdatedAt(), object.jobId(), object.batchId(), object.extractedAt(),
                object.transformedAt());
    }
}
