package de.efa.registry.command.lookup;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses of the versions still in service, read from the write-side lookup's service documents (hundreds of
 * them, one query) instead of the event store: what the link checker probes in a round. Only http and https
 * addresses are answered; anything else a version might name is never probed.
 */
@Component
public class VersionLinks {

    private static final Set<String> IN_SERVICE = Set.of(VersionStatus.ACTIVE.name(), VersionStatus.DEPRECATED.name());

    private final WriteLookupCollections collections;

    VersionLinks(WriteLookupCollections collections) {
        this.collections = collections;
    }

    public List<VersionLink> inService() {
        List<VersionLink> links = new ArrayList<>();
        collections.services().find(Filters.elemMatch("versions", Filters.and(
                        Filters.in("status", IN_SERVICE), Filters.regex("url", "^https?://", "i"))))
                .projection(Projections.include("versions"))
                .forEach(service -> {
                    ServiceId serviceId = ServiceId.of(service.getString("_id"));
                    for (Document v : service.getList("versions", Document.class)) {
                        URI url = webAddress(v.getString("url"));
                        if (url != null && IN_SERVICE.contains(v.getString("status"))) {
                            links.add(new VersionLink(serviceId, ServiceVersion.parse(v.getString("version")), url));
                        }
                    }
                });
        return links;
    }

    /** @return the address if it is an absolute http(s) URL with a host, else null */
    static URI webAddress(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
