package de.efa.registry.platform.defaults;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code registry-defaults.properties} — what every registry application shares — as the environment's last
 * source, so that {@code application.yml}, environment variables and the command line override it.
 * <p>
 * Why not {@code @PropertySource}: such a source joins the environment only while the context is refreshed, after the
 * logging system was set up, so its {@code logging.level.*} entries never applied.
 */
public class RegistryDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "registry-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("registryDefaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("The registry's defaults are missing from the class path: " + RESOURCE, e);
        }
    }
}
