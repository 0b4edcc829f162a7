package de.efa.registry.command.axon;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache of the aggregates adoptions run on ({@code @Aggregate(cache = AggregateCaching.CACHE)}). The default
 * holds every municipality of the directory (~11,000) with room to spare; a municipality with a hundred adoptions
 * takes a few KB.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
public class AggregateCaching {

    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    AggregateCache aggregateCache(CommandProperties properties) {
        return new AggregateCache(properties.aggregateCacheSize());
    }
}
