package org.caserecord.api.notifications;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.caserecord.domain.catalog.EventCatalog;

/** A non-empty list of case event type names, as the event catalog spells them. */
@Documented
@Constraint(validatedBy = CaseEventTypes.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface CaseEventTypes {

    String message() default "Must name at least one case event type.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CaseEventTypes, List<String>> {

        static final String UNKNOWN = "Each must be a case event type: " + String.join(", ", EventCatalog.names())
                + ".";

        @Override
        public boolean isValid(List<String> types, ConstraintValidatorContext context) {
            if (types == null || types.isEmpty()) {
                return false;
            }
            if (types.stream().allMatch(type -> type != null && EventCatalog.byName(type).isPresent())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(UNKNOWN).addConstraintViolation();
            return false;
        }
    }
}
