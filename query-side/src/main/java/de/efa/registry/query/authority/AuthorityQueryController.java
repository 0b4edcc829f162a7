package de.efa.registry.query.authority;

import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Authority;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Authorities: one by id ({@code _id}); the list reads the whole collection — a few thousand authorities at most
 * (one or a few per municipality and service area), small enough to filter in memory.
 */
@RestController
@Tag(name = ApiTags.AUTHORITIES)
@RequestMapping(path = "/api/v1/authorities", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthorityQueryController {

    private static final int MAX_QUERY = 200;

    private final ActiveVersions versions;

    AuthorityQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/{authorityId}")
    @Operation(operationId = "getAuthority", summary = "An authority",
            description = "An authority with its names, address, contact, FIT-Connect destination and website.")
    AuthorityEntry authority(@PathVariable AuthorityId authorityId) {
        return RegisterRecords.active(versions).authority(authorityId.value()).map(AuthorityEntry::of)
                .orElseThrow(() -> RegistryProblem.notFound("Authority", authorityId));
    }

    @GetMapping
    @Operation(operationId = "listAuthorities", summary = "Find authorities",
            description = "Authorities filtered by state and by a text in the name, short name or city (q); sorted by "
                    + "name; paged.")
    Page<AuthorityEntry> authorities(@RequestParam(required = false) StateCode state,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidValueException("q", "q must be at most " + MAX_QUERY + " characters");
        }
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.GERMAN);
        List<Authority> matching = RegisterRecords.active(versions).authorities().stream()
                .filter(a -> state == null || state.value().equals(a.state()))
                .filter(a -> needle == null || contains(a.name(), needle) || contains(a.shortName(), needle)
                        || contains(a.city(), needle))
                .sorted(Comparator.comparing(Authority::name).thenComparing(Authority::authorityId))
                .toList();
        return request.cut(matching, AuthorityEntry::of);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.GERMAN).contains(needle);
    }
}
