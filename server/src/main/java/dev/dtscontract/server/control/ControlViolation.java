package dev.dtscontract.server.control;

import dev.dtscontract.server.control.model.ControlError;
import dev.dtscontract.server.domain.Printable;
import dev.dtscontract.server.seed.SeedException;

/** A control request refused: the control spec's error code, its HTTP status, and where a document went wrong. */
public final class ControlViolation extends RuntimeException {

    private final transient ControlError body;
    private final int status;

    ControlViolation(ControlError.CodeEnum code, int status, String message) {
        super(message, null, false, false);
        this.body = new ControlError(code, message);
        this.status = status;
    }

    static ControlViolation invalidSeed(SeedException e) {
        return positioned(ControlError.CodeEnum.INVALID_SEED, e);
    }

    /** C-SNAPSHOT: a snapshot that cannot be loaded, with where it went wrong. */
    public static ControlViolation invalidSnapshot(SeedException e) {
        return positioned(ControlError.CodeEnum.INVALID_SNAPSHOT, e);
    }

    static ControlViolation invalidEntity(SeedException e) {
        return positioned(ControlError.CodeEnum.INVALID_ENTITY, e);
    }

    private static ControlViolation positioned(ControlError.CodeEnum code, SeedException e) {
        ControlViolation violation = new ControlViolation(code, 400, e.problem());
        violation.body.source(e.source());
        if (e.line() > 0) {
            violation.body.line(e.line()).column(e.column());
        }
        return violation;
    }

    static ControlViolation invalidEntity(String message) {
        return new ControlViolation(ControlError.CodeEnum.INVALID_ENTITY, 400, message);
    }

    public static ControlViolation invalidParameter(String message) {
        return new ControlViolation(ControlError.CodeEnum.INVALID_PARAMETER, 400, message);
    }

    static ControlViolation notFound(String message) {
        return new ControlViolation(ControlError.CodeEnum.NOT_FOUND, 404, message);
    }

    static ControlViolation unauthorized() {
        return new ControlViolation(ControlError.CodeEnum.UNAUTHORIZED, 401,
                "This control API needs the X-Emulator-Token the emulator was started with.");
    }

    static ControlViolation forbidden(String message) {
        return new ControlViolation(ControlError.CodeEnum.FORBIDDEN, 403, message);
    }

    static ControlViolation unsupportedMediaType(String message) {
        return new ControlViolation(ControlError.CodeEnum.UNSUPPORTED_MEDIA_TYPE, 415, message);
    }

    static ControlViolation tooLarge(String message) {
        return new ControlViolation(ControlError.CodeEnum.REQUEST_TOO_LARGE, 413, message);
    }

    /** A value a request sent, as a message may show it (cut, controls escaped). */
    public static String shown(String value) {
        return "'" + Printable.of(value) + "'";
    }

    /** The answer for an error the framework raised on a control path (no route, a body it could not read). */
    public static ControlViolation fromStatus(int status, String detail) {
        return switch (status) {
            case 404, 405 -> notFound("No such control operation" + (detail == null ? "." : ": " + detail));
            case 413 -> tooLarge("The body is over the control API's limit of 1 MiB.");
            case 415 -> new ControlViolation(ControlError.CodeEnum.UNSUPPORTED_MEDIA_TYPE, 415,
                    "Send the media type the operation takes: application/json, application/yaml for a seed or a snapshot, "
                            + "application/x-www-form-urlencoded for the console's reset button.");
            default -> invalidParameter("The request cannot be read" + (detail == null ? "." : ": " + detail));
        };
    }

    public ControlError body() {
        return body;
    }

    public int status() {
        return status;
    }
}
