package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** Entry listeners hear every change, read and eviction of the case file cache, until deregistered. */
class CaseFileCacheListenerTest {

    private static final class Recorder extends Cache.EntryListenerAdapter {

        final List<String> heard = new ArrayList<>();

        @Override
        public void onEntryCreated(Object key, Object value) {
            heard.add("created " + key + "=" + value);
        }

        @Override
        public void onEntryUpdated(Object key, Object value) {
            heard.add("updated " + key + "=" + value);
        }

        @Override
        public void onEntryRead(Object key, Object value) {
            heard.add("read " + key + "=" + value);
        }

        @Override
        public void onEntryRemoved(Object key) {
            heard.add("removed " + key);
        }

        @Override
        public void onEntryExpired(Object key) {
            heard.add("expired " + key);
        }
    }

    @Test
    void listenersHearChangesReadsAndRemovals() {
        CaseFileCache cache = new CaseFileCache(10);
        Recorder recorder = new Recorder();
        Registration registration = cache.registerCacheEntryListener(recorder);

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.putIfAbsent("b", 4)).isTrue();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.<String, Integer>get("missing")).isNull();
        cache.computeIfPresent("a", (Integer value) -> value + 10);
        assertThat(cache.<Integer>computeIfAbsent("c", () -> 5)).isEqualTo(5);
        assertThat(cache.<Integer>computeIfAbsent("c", () -> 6)).isEqualTo(5);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.removeAll();

        assertThat(recorder.heard).containsExactly("created a=1", "updated a=2", "created b=4", "read a=2",
                "updated a=12", "created c=5", "removed a", "removed b", "removed c");
        registration.cancel();
        cache.put("d", 7);
        assertThat(recorder.heard).hasSize(9);
    }

    @Test
    void anEvictedCaseIsReportedAsExpired() {
        CaseFileCache cache = new CaseFileCache(1);
        Recorder recorder = new Recorder();
        cache.registerCacheEntryListener(recorder);

        cache.put("a", 1);
        cache.put("b", 2);
        cache.cleanUp();

        assertThat(recorder.heard).filteredOn(heard -> heard.startsWith("expired")).hasSize(1);
        assertThat(cache.size()).isEqualTo(1);
    }
}
