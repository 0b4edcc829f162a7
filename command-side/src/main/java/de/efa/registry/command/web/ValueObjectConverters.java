package de.efa.registry.command.web;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Path variables arrive as value objects, validated by their constructors (an invalid one is a 400). */
@Configuration(proxyBeanMethods = false)
class ValueObjectConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ServiceId.class, ServiceId::of);
        registry.addConverter(String.class, ServiceVersion.class, ServiceVersion::parse);
        registry.addConverter(String.class, CooperationId.class, CooperationId::of);
        registry.addConverter(String.class, AdoptionId.class, AdoptionId::of);
        registry.addConverter(String.class, AuthorityId.class, AuthorityId::of);
        registry.addConverter(String.class, StateCode.class, StateCode::of);
    }
}
