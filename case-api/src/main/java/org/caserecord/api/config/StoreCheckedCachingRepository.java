package org.caserecord.api.config;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's caching repository, made safe for an event store that other instances write to and
 * for database transactions wider than Axon's unit of work:
 * <ul>
 *   <li>a cached case is used only while its version equals the last sequence number in the
 *       event store (one index lookup in the command's transaction); otherwise it is dropped
 *       and loaded from its events, so another instance's writes are never overlooked;</li>
 *   <li>when the surrounding transaction does not commit, the case is dropped from the cache
 *       (Axon's unit of work puts the new state there before our transaction commits).</li>
 * </ul>
 * Between those two moments, writes to the case take turns within this instance
 * (WriteOperations), so no other command can see state that is not committed.
 */
final class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    StoreCheckedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        dropUnlessCommitted(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
        if (!Objects.equals(aggregate.version(), stored)) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    @Override
    protected EventSourcedAggregate<T> doCreateNewForLock(Callable<T> factoryMethod) throws Exception {
        EventSourcedAggregate<T> aggregate = super.doCreateNewForLock(factoryMethod);
        dropUnlessCommitted(aggregate.identifierAsString());
        return aggregate;
    }

    private void dropUnlessCommitted(String aggregateIdentifier) {
        if (aggregateIdentifier != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.remove(aggregateIdentifier);
                    }
                }
            });
        }
    }
}
