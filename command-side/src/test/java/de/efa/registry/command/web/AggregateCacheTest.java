package de.efa.registry.command.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheTest {

    @Test
    void keepsTheMostRecentlyUsedWithinItsCapacity() {
        AggregateCache cache = new AggregateCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void tellsWhetherTheCurrentCommandRanOnACachedAggregate() {
        AggregateCache cache = new AggregateCache(10);
        cache.put("16051000", "Erfurt");

        AggregateCache.startCommand();
        assertThat((Object) cache.get("16053000")).isNull();
        assertThat(AggregateCache.servedThisCommand()).as("a miss is read from the store").isFalse();
        assertThat((Object) cache.get("16051000")).isEqualTo("Erfurt");
        assertThat(AggregateCache.servedThisCommand()).isTrue();

        AggregateCache.startCommand();
        assertThat(AggregateCache.servedThisCommand()).isFalse();
        assertThat(cache.remove("16051000")).isTrue();
        assertThat(cache.remove("16051000")).isFalse();
    }
}
