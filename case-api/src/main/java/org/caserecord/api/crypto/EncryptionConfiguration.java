package org.caserecord.api.crypto;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.caserecord.api.config.EmbeddedPostgresProperties;
import org.caserecord.api.config.LocalMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Field-level encryption of personal data: the master key and the per-case data keys. */
@Configuration(proxyBeanMethods = false)
public class EncryptionConfiguration {

    @Bean
    MasterKey masterKey(EncryptionProperties encryption, EmbeddedPostgresProperties embeddedPostgres,
                        Environment environment) {
        return MasterKeyResolver.resolve(encryption, LocalMode.isActive(environment), embeddedPostgres.dataDirectory());
    }

    @Bean
    CaseDataKeyRing caseDataKeyRing(JdbcClient jdbc, MasterKey masterKey, EncryptionProperties encryption,
                                    MeterRegistry meters) {
        return new CaseDataKeyRing(jdbc, masterKey, encryption.keyCacheTimeToLive(), encryption.keyCacheSize(), meters,
                Ticker.systemTicker());
    }

    @Bean
    EncryptionStartupChecks encryptionStartupChecks(JdbcClient jdbc, MasterKey masterKey) {
        return new EncryptionStartupChecks(jdbc, masterKey);
    }
}
