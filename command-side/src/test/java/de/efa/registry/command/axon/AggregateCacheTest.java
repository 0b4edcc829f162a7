package de.efa.registry.command.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheTest {

    @Test
    void keepsNoMoreThanItsCapacityAndTellsAxonWhatItDropped() {
        AggregateCache cache = new AggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(expired).hasSize(1);
        assertThat(cache.containsKey(expired.get(0))).as("the dropped aggregate is read from the store").isFalse();
    }

    @Test
    void marksTheUnitOfWorkWhoseCommandRanOnACachedAggregate() {
        AggregateCache cache = new AggregateCache(10);
        cache.put("16051000", "Erfurt");

        DefaultUnitOfWork<?> missed = DefaultUnitOfWork.startAndGet(null);
        assertThat((Object) cache.get("16053000")).isNull();
        assertThat(AggregateCache.servedFromCache(missed)).as("a miss is read from the store").isFalse();
        missed.commit();

        DefaultUnitOfWork<?> served = DefaultUnitOfWork.startAndGet(null);
        assertThat((Object) cache.get("16051000")).isEqualTo("Erfurt");
        assertThat(AggregateCache.servedFromCache(served)).isTrue();
        served.commit();

        DefaultUnitOfWork<?> next = DefaultUnitOfWork.startAndGet(null);
        assertThat(AggregateCache.servedFromCache(next)).as("each command starts unmarked").isFalse();
        next.commit();
        assertThat(cache.remove("16051000")).isTrue();
        assertThat(cache.remove("16051000")).isFalse();
    }
}
