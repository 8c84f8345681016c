package org.caserecord.domain.casefile;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caserecord.domain.errors.CaseCommandRejected;
import org.caserecord.domain.errors.CaseErrorCode;
import org.caserecord.domain.events.ReimbursementDecided;
import org.caserecord.domain.events.ReimbursementRequested;
import org.caserecord.domain.model.ClaimLine;
import org.caserecord.domain.model.ReimbursementDecision;

/**
 * The case's billed meetings and reimbursement requests: a meeting in a pending or paid request
 * is never billed again; a denied request releases its meetings.
 */
final class Reimbursements {

    private record Request(BigDecimal total, List<UUID> meetings, ReimbursementDecision decision) {
    }

    private final Set<UUID> billableMeetings = new HashSet<>();
    private final Set<UUID> billedMeetings = new HashSet<>();
    private final Map<UUID, Request> requests = new HashMap<>();

    void meetingBillable(UUID meetingId) {
        billableMeetings.add(meetingId);
    }

    boolean contains(UUID requestId) {
        return requests.containsKey(requestId);
    }

    void mustBeBillable(List<ClaimLine> lines) {
        Set<UUID> seen = new HashSet<>();
        for (ClaimLine line : lines) {
            if (!billableMeetings.contains(line.meetingId())) {
                throw new CaseCommandRejected(CaseErrorCode.MEETING_NOT_BILLABLE, "lines.meetingId");
            }
            if (billedMeetings.contains(line.meetingId()) || !seen.add(line.meetingId())) {
                throw new CaseCommandRejected(CaseErrorCode.MEETING_ALREADY_BILLED, "lines.meetingId");
            }
        }
    }

    /** The pending request's total; refuses an unknown or already decided request. */
    BigDecimal mustBePending(UUID requestId) {
        Request request = requests.get(requestId);
        if (request == null) {
            throw new CaseCommandRejected(CaseErrorCode.REQUEST_NOT_FOUND, "requestId");
        }
        if (request.decision() != null) {
            throw new CaseCommandRejected(CaseErrorCode.REQUEST_ALREADY_DECIDED, "requestId");
        }
        return request.total();
    }

    void requested(ReimbursementRequested event) {
        List<UUID> meetings = event.lines().stream().map(ClaimLine::meetingId).toList();
        requests.put(event.requestId(), new Request(event.total(), meetings, null));
        billedMeetings.addAll(meetings);
    }

    void decided(ReimbursementDecided event) {
        Request request = requests.get(event.requestId());
        requests.put(event.requestId(), new Request(request.total(), request.meetings(), event.decision()));
        if (event.decision() == ReimbursementDecision.DENIED) {
            request.meetings().forEach(billedMeetings::remove);
        }
    }
}
