package org.caserecord.api.crypto;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import org.caserecord.api.config.EmbeddedPostgresProperties;
import org.caserecord.api.config.LocalMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Field-level encryption of personal data: the master key, the per-case data keys and the cipher
 * that Axon's serializer uses through {@link PhiJacksonModule} (registered in
 * {@code AxonSerializerConfiguration}). The module is deliberately not a bean: Spring Boot would
 * add every JacksonModule bean to the HTTP API's JsonMapper too.
 */
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
    PhiCipher phiCipher(CaseDataKeyRing caseDataKeyRing, MeterRegistry meters) {
        return new PhiCipher(caseDataKeyRing, meters);
    }

    @Bean
    EncryptionStartupChecks encryptionStartupChecks(JdbcClient jdbc, MasterKey masterKey) {
        return new EncryptionStartupChecks(jdbc, masterKey);
    }
}
