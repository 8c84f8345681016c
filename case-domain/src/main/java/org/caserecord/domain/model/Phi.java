package org.caserecord.domain.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that holds protected health information: client identity, clinical
 * notes, reasons and summaries. The serializer can find every such field to encrypt it
 * with a per-case key (crypto-shredding on disposal) without reshaping the events, and
 * nothing marked with it may be logged, put in an error message or used as a metric tag.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
public @interface Phi {

    /**
     * What a text field marked with this annotation reads as once its case's data key has been
     * destroyed (disposal by crypto-shredding). Dates and other non-text values read as null.
     */
    String DISPOSED = "[disposed]";
}
