package org.caserecord.domain.model;

/** The form of a case file export handed to a recipient. */
public enum ExportFormat {
    PDF,
    JSON
}
