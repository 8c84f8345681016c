package org.caserecord.api.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the generated OpenAPI document with what annotations on each endpoint would
 * only repeat: HTTP Basic, the problem+json error responses, and the If-Match and
 * Idempotency-Key headers every write accepts.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS_OF_EVERY_CALL = ordered(
            "400", "Invalid request: malformed JSON, unknown or invalid fields (see errors)",
            "401", "Not signed in",
            "500", "Unexpected failure (quote the requestId)",
            "503", "Database unavailable or read model still catching up; retry after Retry-After");
    private static final Map<String, String> ERRORS_OF_CASE_CALLS = ordered(
            "404", "Unknown case (or sub-resource)");
    private static final Map<String, String> ERRORS_OF_WRITES = ordered(
            "413", "Body over 1 MiB",
            "415", "Content-Type is not application/json",
            "422", "Idempotency-Key already used for a different request");
    private static final Map<String, String> ERRORS_OF_CASE_WRITES = ordered(
            "409", "A rule of the case forbids this now (see code)");
    private static final Map<String, String> ERRORS_OF_CASE_PRECONDITIONS = ordered(
            "412", "If-Match does not match the case's current version");
    private static final Map<String, String> ERRORS_OF_ADMINISTRATION = ordered(
            "409", "The processor is never replayed, or another instance holds its segments");
    private static final Map<String, String> ERRORS_OF_SUBSCRIPTION_CALLS = ordered(
            "403", "Only SUPERVISOR and RECORDS_OFFICER manage subscriptions",
            "404", "Unknown subscription");

    @Bean
    OpenAPI caseRecordOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Case Record Service")
                        .description("Event-sourced case records for mental-health clinical case management.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer errorsAndHeaders() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                addErrors(operation, ERRORS_OF_EVERY_CALL);
                if (path.startsWith("/api/cases/")) {
                    addErrors(operation, ERRORS_OF_CASE_CALLS);
                }
                if (path.startsWith("/api/subscriptions")) {
                    addErrors(operation, ERRORS_OF_SUBSCRIPTION_CALLS);
                }
                if (path.startsWith("/api/admin/") && method == PathItem.HttpMethod.POST) {
                    addErrors(operation, ERRORS_OF_ADMINISTRATION);
                }
                if (method == PathItem.HttpMethod.POST) {
                    addErrors(operation, ERRORS_OF_WRITES);
                    operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                            .description("Retry-safe writes: the same key and body replay the first response")
                            .schema(new StringSchema().maxLength(255)));
                    if (path.equals("/api/cases") || path.startsWith("/api/cases/")) {
                        addErrors(operation, ERRORS_OF_CASE_WRITES);
                    }
                    // A precondition on the case's version: writes to an existing case only.
                    if (path.startsWith("/api/cases/")) {
                        addErrors(operation, ERRORS_OF_CASE_PRECONDITIONS);
                        operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                                .description("The case version (ETag) this write expects, e.g. \"3\"")
                                .schema(new StringSchema()));
                    }
                }
            });
        });
    }

    private static void addErrors(Operation operation, Map<String, String> errors) {
        errors.forEach((status, description) -> operation.getResponses().computeIfAbsent(status, s ->
                new ApiResponse().description(description).content(new Content().addMediaType(
                        "application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("urn:caserecord:problem:case-closed"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().description("Domain error code, for refused commands"));
        problem.addProperty("requestId", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
