package org.caserecord.api.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    CaseFileCache(long maximumCases) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumCases)
                // Synchronous, on the evicting thread: listeners hear of an eviction as it happens.
                .evictionListener((key, value, cause) -> listeners.forEach(listener -> listener.onEntryExpired(key)))
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous = entries.asMap().put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean created = entries.asMap().putIfAbsent(key, value) == null;
        if (created) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return created;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        boolean[] created = {false};
        T value = (T) entries.get(key, k -> {
            created[0] = true;
            return valueSupplier.get();
        });
        if (created[0] && value != null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return value;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        for (Object key : List.copyOf(entries.asMap().keySet())) {
            remove(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated = entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
        if (updated != null) {
            listeners.forEach(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    /** Listeners hear of every change, read and eviction, on the thread that caused it. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    long size() {
        return entries.estimatedSize();
    }

    /** Runs pending maintenance (evictions) now rather than on Caffeine's next occasion. */
    void cleanUp() {
        entries.cleanUp();
    }
}
