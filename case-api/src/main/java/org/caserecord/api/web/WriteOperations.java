package org.caserecord.api.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a write request: one database transaction holds the command's events and, when the
 * request carries an {@code Idempotency-Key}, the record of its response. A retry with the
 * same key and body replays that response and appends nothing; the same key with another
 * body is refused with 422. Two requests racing with one key serialize on the record's
 * primary key, so only one of them appends. A command that lost a race for the case's
 * next sequence number (another request appended first) is retried from the start.
 */
@Component
public class WriteOperations {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int ATTEMPTS = 5;
    private static final Pattern CASE_PATH = Pattern.compile("/api/cases/([0-9a-fA-F-]{36})(/|$)");
    private static final Lock NO_LOCK = new NoLock();

    /** Per instance, not per JVM: two service instances in one JVM (a test) must not share turns. */
    private final Lock[] caseLocks = new Lock[1024];
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public WriteOperations(TransactionTemplate transactions, JdbcClient jdbc, JsonMapper jsonMapper) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        for (int i = 0; i < caseLocks.length; i++) {
            caseLocks[i] = new ReentrantLock();
        }
    }

    /**
     * A write to an existing case: the action receives the version the request's If-Match
     * expects (null when the header is absent or {@code *}).
     */
    public ResponseEntity<?> execute(HttpServletRequest request, Object body,
                                     Function<Long, ResponseEntity<?>> action) {
        Long expectedVersion = Versions.expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        return execute(request, body, () -> action.apply(expectedVersion));
    }

    public ResponseEntity<?> execute(HttpServletRequest request, Object body, Supplier<ResponseEntity<?>> action) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ApiException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key header",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters.");
        }
        String fingerprint = key == null ? null : fingerprint(request, body);
        Lock caseLock = lockFor(request);
        caseLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(status -> key == null ? action.get()
                            : once(RequestMetadata.currentActor(), key, fingerprint, action));
                } catch (ConcurrencyException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } finally {
            caseLock.unlock();
        }
    }

    /**
     * Writes to one case take turns within this instance for their whole transaction. Axon's
     * own aggregate lock is released before our transaction commits, so without this a second
     * command would load the case before the first one's events are visible, lose the race on
     * the unique (case, sequence) index, roll back and retry; every rollback also leaves a
     * permanent gap in the event table's global index that event processors must track.
     * Across instances the unique index still decides.
     */
    private Lock lockFor(HttpServletRequest request) {
        Matcher matcher = CASE_PATH.matcher(request.getRequestURI());
        if (!matcher.lookingAt()) {
            return NO_LOCK;
        }
        return caseLocks[Math.floorMod(matcher.group(1).hashCode(), caseLocks.length)];
    }

    private ResponseEntity<?> once(String actor, String key, String fingerprint, Supplier<ResponseEntity<?>> action) {
        boolean first = jdbc.sql("""
                        INSERT INTO idempotency_record (actor, idempotency_key, request_fingerprint,
                                                        response_status, response_body)
                        VALUES (:actor, :key, :fingerprint, 0, '')
                        ON CONFLICT (actor, idempotency_key) DO NOTHING
                        """)
                .param("actor", actor)
                .param("key", key)
                .param("fingerprint", fingerprint)
                .update() == 1;
        if (!first) {
            return replay(actor, key, fingerprint);
        }
        ResponseEntity<?> response = action.get();
        jdbc.sql("""
                        UPDATE idempotency_record
                           SET response_status = :status, response_location = :location,
                               response_etag = :etag, response_body = :body
                         WHERE actor = :actor AND idempotency_key = :key
                        """)
                .param("status", response.getStatusCode().value())
                .param("location", Optional.ofNullable(response.getHeaders().getLocation()).map(Object::toString)
                        .orElse(null))
                .param("etag", response.getHeaders().getETag())
                .param("body", jsonMapper.writeValueAsString(response.getBody()))
                .param("actor", actor)
                .param("key", key)
                .update();
        return response;
    }

    private ResponseEntity<?> replay(String actor, String key, String fingerprint) {
        StoredResponse stored = jdbc.sql("""
                        SELECT request_fingerprint, response_status, response_location, response_etag, response_body
                          FROM idempotency_record
                         WHERE actor = :actor AND idempotency_key = :key
                        """)
                .param("actor", actor)
                .param("key", key)
                .query((rs, row) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .single();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was already used for a different request.");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(REPLAYED, "true");
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            headers.setETag(stored.etag());
        }
        return ResponseEntity.status(stored.status()).headers(headers).body(stored.body());
    }

    /** Same method, path, precondition and body (compared as parsed JSON, not as bytes). */
    private String fingerprint(HttpServletRequest request, Object body) {
        String canonical = request.getMethod() + ' ' + request.getRequestURI() + '\n'
                + request.getHeader(HttpHeaders.IF_MATCH) + '\n' + jsonMapper.writeValueAsString(body);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Opening a case needs no turn: its id is new. */
    private static final class NoLock extends ReentrantLock {
        @Override
        public void lock() {
        }

        @Override
        public void unlock() {
        }
    }

    private record StoredResponse(String fingerprint, int status, String location, String etag, String body) {
    }
}
