package de.efa.registry.command.service.linkcheck;

import de.efa.registry.command.axon.CommandSender;
import de.efa.registry.command.lookup.VersionLinks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The link checker runs only where {@code registry.link-checker.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkCheckerProperties.class)
class LinkCheckerConfiguration {

    @Bean
    @ConditionalOnProperty(name = "registry.link-checker.enabled", havingValue = "true")
    LinkChecker linkChecker(VersionLinks links, CommandSender commands, LinkCheckerProperties properties) {
        return new LinkChecker(links, commands, properties, Clock.systemUTC());
    }
}
