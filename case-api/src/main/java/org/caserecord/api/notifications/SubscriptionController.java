package org.caserecord.api.notifications;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.api.web.WriteOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound notifications for other systems (README "Notifications (webhooks)"): subscriptions
 * to case event types, and each subscription's delivery log. Supervisors and records officers
 * only (SecurityConfiguration). A subscription's secret goes in once and never comes back out.
 */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Webhook subscriptions and their delivery logs (SUPERVISOR, RECORDS_OFFICER)")
class SubscriptionController {

    private final WebhookSubscriptions subscriptions;
    private final WriteOperations writes;

    SubscriptionController(WebhookSubscriptions subscriptions, WriteOperations writes) {
        this.subscriptions = subscriptions;
        this.writes = writes;
    }

    /**
     * @param secret the key receivers verify signatures with: 32 to 256 visible ASCII characters
     *               (e.g. {@code openssl rand -hex 32})
     */
    record SubscriptionRequest(
            @NotNull(message = "Must be an absolute https URL.") @WebhookUrl String url,
            @CaseEventTypes @Size(max = 100, message = "Must name at most 100 event types.") List<String> eventTypes,
            @NotNull(message = "Must be 32 to 256 visible ASCII characters.")
            @Pattern(regexp = "[\\x21-\\x7E]{32,256}", message = "Must be 32 to 256 visible ASCII characters.")
            String secret) {

        /** Never shows the secret: records print every component otherwise. */
        @Override
        public String toString() {
            return "SubscriptionRequest[url=…, eventTypes=" + eventTypes + ", secret=(set)]";
        }
    }

    record SubscriptionList(List<Subscription> subscriptions) {
    }

    record DeliveryLog(UUID subscriptionId, List<Delivery> deliveries, Long nextBefore) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe a receiver to case event types",
            description = """
                    Each event of those types recorded from now on is posted to the URL: a JSON body naming the \
                    event (id, type, caseId, sequence, recordedAt) and nothing of its content, signed with the \
                    secret (header CaseRecord-Signature). Deliveries are retried with backoff until the receiver \
                    answers 2xx; one case's events arrive in order. The secret is never shown again.""")
    @ApiResponse(responseCode = "201", description = "Subscribed; Location names the subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Subscription.class)))
    ResponseEntity<?> create(@Valid @RequestBody SubscriptionRequest body, HttpServletRequest request) {
        return writes.execute(request, body, () -> {
            Subscription created = subscriptions.create(body.url(), body.eventTypes(), body.secret(),
                    RequestMetadata.currentActor());
            return ResponseEntity.created(URI.create("/api/subscriptions/" + created.id())).body(created);
        });
    }

    @GetMapping
    @Operation(summary = "The active subscriptions (never their secrets)")
    SubscriptionList list() {
        return new SubscriptionList(subscriptions.active());
    }

    @GetMapping("/{subscriptionId}")
    @Operation(summary = "One subscription, also once deleted (deletedAt, deletedBy)")
    Subscription subscription(@PathVariable UUID subscriptionId) {
        return subscriptions.find(subscriptionId).orElseThrow(SubscriptionController::notFound);
    }

    @DeleteMapping("/{subscriptionId}")
    @Operation(summary = "Delete a subscription",
            description = "Nothing more is sent to it; its pending deliveries are cancelled. Its log stays readable.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID subscriptionId) {
        if (!subscriptions.delete(subscriptionId, RequestMetadata.currentActor())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "subscription-not-found", "Subscription not found",
                    "No active subscription with this id exists.");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{subscriptionId}/deliveries")
    @Operation(summary = "A subscription's delivery log, newest first",
            description = "Filter by status (PENDING, DELIVERED, CANCELLED); pass nextBefore as before for the next page.")
    DeliveryLog deliveries(@PathVariable UUID subscriptionId,
                           @RequestParam(required = false) DeliveryStatus status,
                           @RequestParam(required = false) @Min(1) Long before,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        subscriptions.find(subscriptionId).orElseThrow(SubscriptionController::notFound);
        WebhookSubscriptions.DeliveryPage page = subscriptions.deliveries(subscriptionId, status, before, limit);
        return new DeliveryLog(subscriptionId, page.deliveries(), page.nextBefore());
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "subscription-not-found", "Subscription not found",
                "No subscription with this id exists.");
    }
}
