package org.caserecord.api.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses for a reason it names itself (not found, bad header, reused key…). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public ApiException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiException caseNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
                "No case with this id exists.");
    }

    public static ApiException badRequest(String slug, String title, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, slug, title, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
