package org.caserecord.api.insurance;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.caserecord.api.insurance.InsuranceSummary.Client;
import org.caserecord.api.insurance.InsuranceSummary.Line;

/** The summary as CSV (RFC 4180): a header row, then one row per service line. */
final class InsuranceCsv {

    static final String HEADER = "payer_id,case_id,client_name,date_of_birth,member_id,group_number,plan_name,"
            + "request_id,request_status,meeting_id,date_of_service,service_code,modifiers,units,unit_rate,charge,"
            + "place_of_service,rendering_npi,diagnosis_codes";

    private InsuranceCsv() {
    }

    static String of(InsuranceSummary summary) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Client client : summary.clients()) {
            for (Line line : client.lines()) {
                csv.append(Stream.of(summary.payerId(), client.caseId(), client.name(), client.dateOfBirth(),
                                client.coverage().memberId(), client.coverage().groupNumber(),
                                client.coverage().planName(), line.requestId(), line.requestStatus(), line.meetingId(),
                                line.dateOfService(), line.serviceCode(), String.join(" ", line.modifiers()),
                                line.units(), line.unitRate().toPlainString(), line.charge().toPlainString(),
                                line.placeOfService(), line.renderingNpi(), String.join(" ", line.diagnosisCodes()))
                        .map(InsuranceCsv::field)
                        .collect(Collectors.joining(",")))
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    /** Quotes a field when it holds a comma, quote or line break; a leading =, +, - or @ is neutralized. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text; // keeps spreadsheets from running a client's name as a formula
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
