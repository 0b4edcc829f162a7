package de.efa.registry.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused caller is told which role the endpoint needs, read from the same rules the filter chain applies. */
class AccessRulesTest {

    @Test
    void theRefusalNamesTheRolesOfTheFirstMatchingRule() {
        assertThat(refusal("POST", "/api/v1/admin/municipalities/import")).isEqualTo("This needs the role ADMIN");
        assertThat(refusal("GET", "/actuator/metrics")).isEqualTo("This needs the role ADMIN");
        assertThat(refusal("GET", "/api/v1/audit/events")).isEqualTo("This needs one of the roles AUDITOR, ADMIN");
        assertThat(refusal("GET", "/api/v1/stats/coverage")).isEqualTo("This needs one of the roles ANALYST, AUDITOR, ADMIN");
        assertThat(refusal("GET", "/api/v1/services")).isEqualTo("This needs a signed-in caller");
        assertThat(refusal("POST", "/api/v1/services")).isEqualTo("This needs the role OWNER (of the state concerned) or ADMIN");
        assertThat(refusal("DELETE", "/api/v1/cooperations/x/members/16"))
                .isEqualTo("This needs the role OWNER (of the state concerned) or ADMIN");
        assertThat(refusal("GET", "/internal")).isEqualTo("Nothing is served to anyone at this path");
    }

    @Test
    void theContextPathIsNotPartOfTheRule() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/registry/api/v1/audit/events");
        request.setContextPath("/registry");
        assertThat(AccessRules.refusal(request)).isEqualTo("This needs one of the roles AUDITOR, ADMIN");
    }

    private static String refusal(String method, String path) {
        return AccessRules.refusal(new MockHttpServletRequest(method, path));
    }
}
