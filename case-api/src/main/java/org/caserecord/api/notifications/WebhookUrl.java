package org.caserecord.api.notifications;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A URL deliveries may be posted to ({@link WebhookUrls}); plain http as configured. */
@Documented
@Constraint(validatedBy = WebhookUrl.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface WebhookUrl {

    String message() default "Must be an absolute https URL.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring creates it, so it knows whether plain http is allowed. */
    class Validator implements ConstraintValidator<WebhookUrl, String> {

        private final boolean allowPlainHttp;

        Validator(WebhookProperties properties) {
            this.allowPlainHttp = properties.allowPlainHttp();
        }

        /** A missing URL is {@code @NotNull}'s to report. */
        @Override
        public boolean isValid(String url, ConstraintValidatorContext context) {
            if (url == null) {
                return true;
            }
            return WebhookUrls.problem(url, allowPlainHttp).map(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
                return false;
            }).orElse(true);
        }

        /** The messages are fixed texts, but braces and dollars would be read as message expressions. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
