package org.caserecord.projections.directory;

import org.caserecord.domain.directory.ResourceType;

/**
 * A search of the directory. Every criterion is optional; those given must all hold.
 *
 * @param type           the kind of service
 * @param text           words found (ignoring case) in the name, address or notes
 * @param language       a language the service is offered in (ignoring case)
 * @param payer          a payer the service accepts (ignoring case)
 * @param includeRetired also retired resources (by default only active ones)
 * @param limit          at most this many resources
 * @param cursor         where the previous page ended, or null for the first page
 */
public record ResourceSearch(ResourceType type, String text, String language, String payer,
                             boolean includeRetired, int limit, String cursor) {
}
