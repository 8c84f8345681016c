package org.caserecord.api.crypto;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.caserecord.projections.support.CaseDataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-case data keys that encrypt personal data in the event store, kept wrapped under the
 * master key in {@code case_data_key}. A case gets its key with its first personal data, in the
 * same transaction as that data's event; destroying the key (disposal) makes every copy of that
 * data unreadable for good, the event store's included, without changing an event.
 *
 * <p>Statements run on the caller's Spring transaction when there is one (the command's, so a new
 * key commits with the first event). Unwrapped keys stay in memory for a bounded time, so a key
 * another instance destroyed stops being used after at most that time; a key this transaction
 * created is shared with other instances' caches only after it commits.
 */
public class CaseDataKeyRing implements CaseDataKeys {

    static final String METRIC_PREFIX = "caserecord.encryption.data.keys";
    private static final int DATA_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CachedKey DESTROYED = new CachedKey(null);

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    private final Cache<UUID, CachedKey> cache;
    private final Counter keysCreated;
    private final Counter keysDestroyed;

    /**
     * @param timeToLive  how long an unwrapped key (or the knowledge that it was destroyed) is kept
     * @param maximumKeys how many cases' keys are kept at most
     * @param ticker      the cache's clock (tests pass their own)
     */
    public CaseDataKeyRing(JdbcClient jdbc, MasterKey masterKey, Duration timeToLive, long maximumKeys,
                           MeterRegistry meters, Ticker ticker) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumKeys)
                .expireAfterWrite(timeToLive)
                .ticker(ticker)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "case-data-keys");
        this.keysCreated = Counter.builder(METRIC_PREFIX + ".created")
                .description("Case data keys created (with a case's first personal data)")
                .register(meters);
        this.keysDestroyed = Counter.builder(METRIC_PREFIX + ".destroyed")
                .description("Case data keys destroyed (crypto-shredding at disposal)")
                .register(meters);
    }

    /** The id of the master key this ring wraps and unwraps with. */
    public String masterKeyId() {
        return masterKey.id();
    }

    /**
     * The key to encrypt the case's personal data with; created when the case has none yet, in
     * the caller's transaction.
     *
     * @throws DataKeyDestroyedException when the case's key was destroyed: a disposed case takes no
     *                                   new personal data
     */
    public SecretKey keyForEncryption(UUID caseId) {
        Objects.requireNonNull(caseId, "caseId");
        TransactionKeys transaction = transactionKeys(false);
        if (transaction != null) {
            if (transaction.destroyed.contains(caseId)) {
                throw new DataKeyDestroyedException(caseId);
            }
            SecretKey created = transaction.created.get(caseId);
            if (created != null) {
                return created;
            }
        }
        CachedKey cached = cache.getIfPresent(caseId);
        if (cached == null) {
            Optional<StoredKey> stored = load(caseId);
            if (stored.isEmpty()) {
                return create(caseId);
            }
            cached = remember(caseId, stored.get());
        }
        if (cached.key() == null) {
            throw new DataKeyDestroyedException(caseId);
        }
        return cached.key();
    }

    /** The key to decrypt the case's personal data with; empty when it was destroyed or never existed. */
    public Optional<SecretKey> keyForDecryption(UUID caseId) {
        Objects.requireNonNull(caseId, "caseId");
        TransactionKeys transaction = transactionKeys(false);
        if (transaction != null) {
            if (transaction.destroyed.contains(caseId)) {
                return Optional.empty();
            }
            SecretKey created = transaction.created.get(caseId);
            if (created != null) {
                return Optional.of(created);
            }
        }
        CachedKey cached = cache.getIfPresent(caseId);
        if (cached == null) {
            Optional<StoredKey> stored = load(caseId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            cached = remember(caseId, stored.get());
        }
        return Optional.ofNullable(cached.key());
    }

    /** Whether the case had a key and it was destroyed. */
    public boolean isDestroyed(UUID caseId) {
        Objects.requireNonNull(caseId, "caseId");
        TransactionKeys transaction = transactionKeys(false);
        if (transaction != null) {
            if (transaction.destroyed.contains(caseId)) {
                return true;
            }
            if (transaction.created.containsKey(caseId)) {
                return false;
            }
        }
        CachedKey cached = cache.getIfPresent(caseId);
        if (cached != null) {
            return cached.key() == null;
        }
        return load(caseId).map(stored -> stored.wrappedKey() == null).orElse(false);
    }

    /**
     * Destroys the case's key in the caller's transaction (crypto-shredding): its personal data
     * reads as placeholders from then on, everywhere. Answers whether a key was destroyed (false
     * when it already was, or the case never had one).
     */
    public boolean destroy(UUID caseId, String destroyedBy) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(destroyedBy, "destroyedBy");
        boolean destroyed = jdbc.sql("""
                        UPDATE case_data_key
                           SET wrapped_key = NULL, destroyed_at = now(), destroyed_by = :destroyedBy
                         WHERE case_id = :caseId AND wrapped_key IS NOT NULL
                        """)
                .param("destroyedBy", destroyedBy)
                .param("caseId", caseId)
                .update() == 1;
        cache.invalidate(caseId);
        TransactionKeys transaction = transactionKeys(true);
        if (transaction != null) {
            transaction.created.remove(caseId);
            transaction.destroyed.add(caseId);
            if (destroyed) {
                transaction.keysDestroyed++;
            }
        } else if (destroyed) {
            keysDestroyed.increment();
        }
        return destroyed;
    }

    /** Drops this process's copy of the case's key; the next use reads the key table again. */
    @Override
    public void forget(UUID caseId) {
        cache.invalidate(caseId);
    }

    private SecretKey create(UUID caseId) {
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        RANDOM.nextBytes(dataKey);
        try {
            boolean inserted = jdbc.sql("""
                            INSERT INTO case_data_key (case_id, wrapped_key, master_key_id, created_at)
                            VALUES (:caseId, :wrappedKey, :masterKeyId, now())
                            ON CONFLICT (case_id) DO NOTHING
                            """)
                    .param("caseId", caseId)
                    .param("wrappedKey", masterKey.wrap(dataKey, caseId))
                    .param("masterKeyId", masterKey.id())
                    .update() == 1;
            if (!inserted) {
                // Another transaction created it meanwhile; the insert waited for it to commit.
                StoredKey stored = load(caseId).orElseThrow(() -> new IllegalStateException(
                        "The data key of case " + caseId + " disappeared while it was being created"));
                CachedKey cached = remember(caseId, stored);
                if (cached.key() == null) {
                    throw new DataKeyDestroyedException(caseId);
                }
                return cached.key();
            }
            SecretKey key = new SecretKeySpec(dataKey, "AES");
            TransactionKeys transaction = transactionKeys(true);
            if (transaction != null) {
                transaction.created.put(caseId, key);
            } else {
                cache.put(caseId, new CachedKey(key));
                keysCreated.increment();
            }
            return key;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private Optional<StoredKey> load(UUID caseId) {
        return jdbc.sql("SELECT wrapped_key, master_key_id FROM case_data_key WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, row) -> new StoredKey(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    /**
     * Unwraps a row read from the key table and keeps the result. The row is committed: the only
     * uncommitted rows a transaction can see are its own, which {@link TransactionKeys} answers
     * before the table is read.
     */
    private CachedKey remember(UUID caseId, StoredKey stored) {
        CachedKey cached;
        if (stored.wrappedKey() == null) {
            cached = DESTROYED;
        } else if (!masterKey.id().equals(stored.masterKeyId())) {
            throw new PhiDecryptionException("The data key of case " + caseId + " is wrapped under master key "
                    + stored.masterKeyId() + ", not under the configured master key " + masterKey.id());
        } else {
            cached = new CachedKey(masterKey.unwrap(stored.wrappedKey(), caseId));
        }
        // A destroyed key stays destroyed: a read that began before the destruction committed must
        // not put the live key back over it.
        return cache.asMap().merge(caseId, cached, (present, loaded) -> present == DESTROYED ? present : loaded);
    }

    /** The ring's state in the current Spring transaction, if there is one; bound on first need. */
    private TransactionKeys transactionKeys(boolean bind) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        TransactionKeys keys = (TransactionKeys) TransactionSynchronizationManager.getResource(this);
        if (keys == null && bind) {
            keys = new TransactionKeys();
            TransactionSynchronizationManager.bindResource(this, keys);
            TransactionSynchronizationManager.registerSynchronization(keys);
        }
        return keys;
    }

    /** An unwrapped key, or (key null) the knowledge that it was destroyed. */
    private record CachedKey(SecretKey key) {
    }

    /** A row of the key table: wrapped_key is null once destroyed. */
    private record StoredKey(byte[] wrappedKey, String masterKeyId) {
    }

    /**
     * What the current transaction did to keys: created ones are used by it alone until it commits,
     * destroyed ones are dropped from the cache again once it ends, whichever way.
     */
    private final class TransactionKeys implements TransactionSynchronization {

        private final Map<UUID, SecretKey> created = new HashMap<>();
        private final Set<UUID> destroyed = new HashSet<>();
        private int keysDestroyed;

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(CaseDataKeyRing.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(CaseDataKeyRing.this, this);
        }

        @Override
        public void afterCommit() {
            created.forEach((caseId, key) -> cache.put(caseId, new CachedKey(key)));
            CaseDataKeyRing.this.keysCreated.increment(created.size());
            CaseDataKeyRing.this.keysDestroyed.increment(keysDestroyed);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseDataKeyRing.this);
            if (status == STATUS_COMMITTED) {
                destroyed.forEach(caseId -> cache.put(caseId, DESTROYED));
            } else {
                destroyed.forEach(cache::invalidate);
            }
        }
    }
}
