package org.caserecord.domain.model;

/**
 * Who received a disclosure of the record: a person, the organization they act for, and where
 * the record went. A recipient's name and address identify people other than the client but are
 * kept with the client's PHI, since together with the case they reveal the client's care.
 */
public record Recipient(@Phi String name, @Phi String organization, @Phi String address) {
}
