package org.sapere.lrs.domain;

/** A request the record store refuses, with the HTTP status the specification asks for. */
public class XapiException extends RuntimeException {

    private final int status;

    public XapiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static XapiException badRequest(String message) {
        return new XapiException(400, message);
    }

    public static XapiException notFound(String message) {
        return new XapiException(404, message);
    }

    public static XapiException conflict(String message) {
        return new XapiException(409, message);
    }

    public static XapiException preconditionFailed(String message) {
        return new XapiException(412, message);
    }
}
