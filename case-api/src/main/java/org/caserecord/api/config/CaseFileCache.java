package org.caserecord.api.config;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache over a size-bounded Caffeine cache: the case files most recently
 * written keep their state in memory, so a command no longer reads and applies every event
 * of its case. {@link StoreCheckedCachingRepository} makes sure a cached case is never used
 * when the store holds something it does not.
 */
final class CaseFileCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    CaseFileCache(long maximumCases) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumCases).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    /** Aggregate repositories do not listen to their cache; nothing else uses this one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("The case file cache has no entry listeners");
    }

    long size() {
        return entries.estimatedSize();
    }
}
