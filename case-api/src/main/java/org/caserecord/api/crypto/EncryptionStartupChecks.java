package org.caserecord.api.crypto;

import org.caserecord.domain.events.CaseOpened;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start on a store this service could not serve safely, before event processors or
 * the web server start (and after Flyway, which every singleton follows):
 * <ul>
 *   <li>data keys wrapped under another master key than the configured one: with a wrong master
 *   key no personal data could be read, and new cases would get keys under the wrong one;</li>
 *   <li>cases whose personal data was stored in plaintext, before encryption existed (a case
 *   opened without a data key): their data could never be disposed of by destroying a key.</li>
 * </ul>
 */
public class EncryptionStartupChecks implements SmartInitializingSingleton {

    static final String CASE_OPENED = CaseOpened.class.getName();

    /**
     * The first opened case without a data key. Reads the partial index of case openings (V17),
     * one entry per case, probing the key table's primary key for each, and stops at the first miss.
     */
    static final String CASES_WITHOUT_KEY = """
            SELECT e.aggregate_identifier FROM domain_event_entry e
             WHERE e.payload_type = :caseOpened
               AND NOT EXISTS (SELECT 1 FROM case_data_key k WHERE k.case_id = e.aggregate_identifier::uuid)
             LIMIT 1""";

    private final JdbcClient jdbc;
    private final MasterKey masterKey;

    public EncryptionStartupChecks(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    @Override
    public void afterSingletonsInstantiated() {
        checkMasterKey();
        checkNoCaseWithoutKey();
    }

    void checkMasterKey() {
        jdbc.sql("""
                        SELECT master_key_id FROM case_data_key
                         WHERE master_key_id <> :masterKeyId AND wrapped_key IS NOT NULL
                         LIMIT 1""")
                .param("masterKeyId", masterKey.id())
                .query(String.class)
                .optional()
                .ifPresent(stored -> {
                    throw new IllegalStateException("The configured master key (id " + masterKey.id() + ") is not the"
                            + " one the stored data keys were wrapped with (id " + stored + "): with it no personal"
                            + " data could be read. Configure the original key in " + EncryptionProperties.MASTER_KEY
                            + " (CASERECORD_MASTER_KEY) or " + EncryptionProperties.MASTER_KEY_FILE
                            + " (CASERECORD_MASTER_KEY_FILE); in local mode it is the master.key file beside the"
                            + " data directory (docs/encryption.md).");
                });
    }

    void checkNoCaseWithoutKey() {
        jdbc.sql(CASES_WITHOUT_KEY)
                .param("caseOpened", CASE_OPENED)
                .query(String.class)
                .optional()
                .ifPresent(caseId -> {
                    throw new IllegalStateException("The event store holds cases whose personal data was stored in"
                            + " plaintext, before field-level encryption existed (e.g. case " + caseId + ", which has"
                            + " no data key). This version refuses to serve them: they could not be disposed of by"
                            + " destroying their key. There is no production data from those versions; in local"
                            + " mode stop the service and delete the data directory (./data by default) to start"
                            + " afresh (docs/encryption.md).");
                });
    }
}
