package de.efa.registry.platform.opendata;

import de.efa.registry.platform.web.ProblemWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limit of the open paths, only when they are open. It runs after the request id filter (its 429 names the
 * request id) and before Spring Security, so a client over its limit costs no authentication.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenDataProperties.class)
public class OpenDataConfiguration {

    @Bean
    @ConditionalOnProperty(name = "registry.open-data.enabled", havingValue = "true")
    public FilterRegistrationBean<OpenDataRateLimitFilter> openDataRateLimitFilter(OpenDataProperties properties,
                                                                                   ProblemWriter problems) {
        FilterRegistrationBean<OpenDataRateLimitFilter> registration =
                new FilterRegistrationBean<>(new OpenDataRateLimitFilter(properties.rateLimit(), problems));
        registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
