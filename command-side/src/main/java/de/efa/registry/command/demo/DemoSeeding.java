package de.efa.registry.command.demo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code registry.demo.*} whether or not a seed runs, so a mistyped {@code registry.demo.seed} (neither
 * {@code true}, {@code false} nor {@code germany}) stops the start instead of silently seeding nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoSeedProperties.class)
public class DemoSeeding {
}
