package de.efa.registry.platform.requestid;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        MDC.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "3f2c9b1e-1d2a-4c4b-9d7e-0a1b2c3d4e5f", "gw.4711_x-y",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void aHarmlessIdIsKept(String offered) {
        assertThat(RequestId.acceptOrMake(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "line\nbreak", "quote\"", "ümlaut", "{json}", "a/b", "a\u202eb",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void anythingElseIsReplacedByANewId(String offered) {
        assertThat(RequestId.acceptOrMake(offered)).matches(UUID_FORM);
    }

    @Test
    void theFilterPutsTheIdIntoTheMdcForTheRequestOnlyAndAnswersIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/services");
        request.addHeader(RequestId.HEADER, "abc-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> during = new AtomicReference<>();

        new RequestIdFilter().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                during.set(RequestId.current());
            }
        });

        assertThat(during).hasValue("abc-1");
        assertThat(response.getHeader(RequestId.HEADER)).isEqualTo("abc-1");
        assertThat(RequestId.current()).isNull();
    }

    @Test
    void theLogOfAFailureNamesMethodPathAndRequestButNotTheQuery() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/services");
        request.setQueryString("token=secret");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        MDC.put(RequestId.MDC_KEY, "abc-1");

        assertThat(CurrentRequest.describe()).isEqualTo("POST /api/v1/services (request abc-1)");
    }

    @Test
    void workStartedByARequestLogsUnderItsIdOnAnotherThread() throws Exception {
        MDC.put(RequestId.MDC_KEY, "abc-1");
        AtomicReference<String> seen = new AtomicReference<>();
        Runnable work = RequestId.carriedInto(() -> seen.set(RequestId.current()));
        MDC.clear();

        Thread other = new Thread(work);
        other.start();
        other.join();

        assertThat(seen).hasValue("abc-1");
    }

    @Test
    void outsideARequestThereIsNoneToName() {
        assertThat(CurrentRequest.describe()).isEqualTo("no request");
    }
}
