package org.caserecord.api.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, except that a hole in the global index below an event just read is
 * always remembered as a gap, however old that event's timestamp.
 *
 * <p>The stock engine keeps no gaps below an event whose timestamp is older than the gap timeout,
 * and even drops those it had recorded. A transaction that had taken its global index but not yet
 * committed is then skipped by every event processor for ever, silently: a processor catching up
 * after a restart or a replay reads old events, and so does one reading an event whose own
 * transaction was slow (AxonFramework #4829, closed "won't fix"). Event timestamps come from the
 * writer's clock and are set before the commit, so they cannot tell whether a hole will still be
 * filled. Here a hole is given up only once {@code maxGapOffset} later events have been read
 * (and by Axon's gap cleaning, which above its threshold still drops holes below events older than
 * the gap timeout, so that timeout is kept long). A hole left by a rolled-back transaction is
 * therefore carried in the processors' tokens until then, which costs a little per fetch.
 */
public class GapRecordingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final int maxGapOffset;
    private final long lowestGlobalSequence;

    public GapRecordingJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int maxGapOffset,
                                              long lowestGlobalSequence) {
        super(builder.maxGapOffset(maxGapOffset).lowestGlobalSequence(lowestGlobalSequence));
        this.maxGapOffset = maxGapOffset;
        this.lowestGlobalSequence = lowestGlobalSequence;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        long globalIndex = resultSet.getLong(schema().globalIndexColumn());
        GapAwareTrackingToken token;
        if (previousToken == null) {
            // The holes below the first event read, at most maxGapOffset of them (as every later advance keeps).
            SortedSet<Long> gaps = new TreeSet<>();
            LongStream.range(Math.max(Math.min(lowestGlobalSequence, globalIndex), globalIndex - maxGapOffset),
                    globalIndex).forEach(gaps::add);
            token = GapAwareTrackingToken.newInstance(globalIndex, gaps);
        } else {
            token = previousToken.advanceTo(globalIndex, maxGapOffset);
        }
        return new TrackedDomainEventData<>(token, (DomainEventData<?>) read);
    }
}
