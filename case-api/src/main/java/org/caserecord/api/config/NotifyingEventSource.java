package org.caserecord.api.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the read models' processors see it, with streams that tell their
 * processor when new events arrive.
 * <p>
 * Axon's pooled processors wait for an "events available" callback from their stream; the
 * embedded event store's streams offer none, so an idle processor looked again only every
 * 500 ms, and every event reached the read models a quarter of a second late on average. Here
 * one watcher thread follows the head of the store (reading from the event store's shared
 * cache of recent events, not from the database) and calls every open stream's callback
 * whenever events arrive.
 */
final class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventSource.class);

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final Thread watcher;
    private volatile boolean closed;

    NotifyingEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        this.watcher = new Thread(this::watch, "event-availability-watcher");
        this.watcher.setDaemon(true);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startWatching();
        return new NotifyingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        watcher.interrupt();
        if (watcher.isAlive()) {
            watcher.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private synchronized void startWatching() {
        if (!closed && watcher.getState() == Thread.State.NEW) {
            watcher.start();
        }
    }

    private void watch() {
        boolean failing = false;
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> head = eventStore.openStream(eventStore.createHeadToken())) {
                failing = false;
                while (!closed) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    // Processors still look for events on their own (every few seconds) meanwhile.
                    log.warn("Watching the event store for new events failed; retrying", e);
                    failing = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A processor's stream, whose availability callback the watcher calls. */
    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = newCallback;
            callbacks.add(newCallback);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
