package de.efa.registry.platform.opendata;

import org.springframework.util.AntPathMatcher;

import java.util.List;

/**
 * The paths of the public interfaces: the regions, the FIT-Connect Routing API and the Dashboard data API. Fixed
 * here, not configurable: opening a path to everyone is a decision of the code, reviewed with it. Authorities
 * ({@code /api/v1/authorities}) are not among them: their contact data are public only as the routing API shows them.
 */
public final class OpenDataPaths {

    public static final List<String> PATTERNS = List.of("/api/v1/regions", "/api/v1/regions/**",
            "/fit-connect/v1/**", "/dv/v1/**");

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private OpenDataPaths() {
    }

    static boolean isOpen(String path) {
        for (String pattern : PATTERNS) {
            if (MATCHER.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }
}
