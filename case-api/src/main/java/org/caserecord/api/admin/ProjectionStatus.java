package org.caserecord.api.admin;

/**
 * Where one read model's processor stands in the event stream.
 *
 * @param name          the processing group (case-file, caseload, resource-directory, audit-seal)
 * @param running       whether the processor runs in this instance
 * @param error         whether a segment is in error (it is retried; see the log)
 * @param replaying     whether it is rebuilding events it had already applied before a replay
 * @param caughtUp      whether every claimed segment has reached the head of the stream
 * @param segments      the segments this instance has claimed
 * @param position      the lowest global position the claimed segments have reached, if any
 * @param headPosition  the global position of the newest stored event, if any
 */
public record ProjectionStatus(String name, boolean running, boolean error, boolean replaying, boolean caughtUp,
                               int segments, Long position, Long headPosition) {
}
