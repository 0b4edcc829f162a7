package de.efa.registry.query.consistency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ConsistencyWebConfiguration implements WebMvcConfigurer {

    private final MinPositionInterceptor minPosition;

    ConsistencyWebConfiguration(MinPositionInterceptor minPosition) {
        this.minPosition = minPosition;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(minPosition).addPathPatterns("/api/v1/**", "/fit-connect/v1/**", "/dv/v1/**");
    }
}
