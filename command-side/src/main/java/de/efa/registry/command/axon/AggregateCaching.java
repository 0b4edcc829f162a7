package de.efa.registry.command.axon;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache of the aggregates adoptions run on ({@code @Aggregate(cache = AggregateCaching.CACHE)}). The default
 * holds every municipality of the directory (~11,000) with room to spare; a municipality with a hundred adoptions
 * takes a few KB.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    AggregateCache aggregateCache(@Value("${registry.commands.aggregate-cache-size:20000}") int capacity) {
        return new AggregateCache(capacity);
    }
}
