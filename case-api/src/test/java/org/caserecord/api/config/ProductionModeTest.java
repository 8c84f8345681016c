package org.caserecord.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caserecord.api.support.CaseJson.openCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.caserecord.api.CaseRecordApplication;
import org.caserecord.api.support.HttpApi;
import org.caserecord.api.support.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: a configured datasource (here a separately started PostgreSQL standing
 * in for the clinic's server), no embedded database, no demo accounts, only the accounts
 * from configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ProductionModeTest {

    private static final EmbeddedPostgres EXTERNAL_DATABASE = startExternalDatabase();
    private static final String CAROLS_PASSWORD = "correct horse battery staple";
    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void productionSettings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EXTERNAL_DATABASE.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("caserecord.encryption.master-key", () -> MASTER_KEY);
        registry.add("caserecord.security.accounts[0].id", () -> "carol");
        registry.add("caserecord.security.accounts[0].roles[0]", () -> "SUPERVISOR");
        registry.add("caserecord.security.accounts[0].password-hash",
                () -> new BCryptPasswordEncoder().encode(CAROLS_PASSWORD));
    }

    @AfterAll
    static void stopExternalDatabase() throws IOException {
        EXTERNAL_DATABASE.close();
    }

    @Test
    void noEmbeddedDatabaseStartsWhenADatasourceIsConfigured() {
        assertThat(context.getBeansOfType(EmbeddedPostgresConfiguration.EmbeddedDatabase.class)).isEmpty();
    }

    @Test
    void tokensLiveInPostgresAndCommitWithTheReadModelRows() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void demoAccountsDoNotExistInProductionMode() {
        Response response = new HttpApi(port).as("ada").post("/api/cases", openCase("ada"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void configuredAccountsSignInAndAreRecordedAsTheActor() {
        HttpApi api = new HttpApi(port);
        Response created = api.as("carol").password(CAROLS_PASSWORD).post("/api/cases", openCase("ada"));

        assertThat(created.status()).isEqualTo(201);
        Response history = api.as("carol").password(CAROLS_PASSWORD)
                .get("/api/cases/" + created.text("/caseId") + "/history");
        assertThat(history.text("/entries/0/actor")).isEqualTo("carol");
        assertThat(history.text("/entries/0/actorRoles/0")).isEqualTo("SUPERVISOR");
    }

    @Test
    void productionModeWithoutAnyAccountRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CaseRecordApplication.class)
                .properties("spring.datasource.url=" + EXTERNAL_DATABASE.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres", "server.port=0",
                        "spring.config.import=optional:file:/nonexistent/accounts.yml")
                // An argument: application.yml's own entry (from CASERECORD_MASTER_KEY) outranks default properties.
                .run("--caserecord.encryption.master-key=" + MASTER_KEY).close())
                .hasStackTraceContaining("No accounts are configured");
    }

    @Test
    void productionModeWithoutAMasterKeyRefusesToStartAndCreatesNoKeyFile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CaseRecordApplication.class)
                .properties("spring.datasource.url=" + EXTERNAL_DATABASE.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres", "server.port=0",
                        "caserecord.embedded-postgres.data-directory=target/test-postgres/no-master-key/postgres",
                        "caserecord.security.accounts[0].id=carol",
                        "caserecord.security.accounts[0].roles[0]=SUPERVISOR",
                        "caserecord.security.accounts[0].password-hash=" + new BCryptPasswordEncoder(4).encode("x"))
                .run().close())
                .hasStackTraceContaining("No master key is configured")
                .hasStackTraceContaining("CASERECORD_MASTER_KEY")
                .hasStackTraceContaining("CASERECORD_MASTER_KEY_FILE");
        assertThat(Path.of("target/test-postgres/no-master-key/master.key")).doesNotExist();
    }

    private static EmbeddedPostgres startExternalDatabase() {
        try {
            Path directory = Files.createDirectories(Path.of("target", "test-postgres"));
            return EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory(directory, "external-"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
