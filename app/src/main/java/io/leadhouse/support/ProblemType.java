package io.leadhouse.support;

import java.util.Optional;

/**
 * The problem+json (RFC 9457) kind of each Leadhouse exception: a stable type URI, a fixed title
 * and one HTTP status. The API server and the admin console both answer with these, so a script
 * sees the same problem types on either port.
 *
 * @param type stable problem type URI, such as {@code /problems/not-found}
 * @param title fixed short title
 * @param status HTTP status code
 */
public record ProblemType(String type, String title, int status) {
    /** Anything that is not the caller's fault. */
    public static final ProblemType INTERNAL = new ProblemType("/problems/internal", "Internal error", 500);
    /** Nothing is served at the path. */
    public static final ProblemType NOT_FOUND = new ProblemType("/problems/not-found", "Not found", 404);
    /** The body is over the allowed size. */
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("/problems/payload-too-large", "Payload too large", 413);
    /** The body is of a media type the endpoint does not read. */
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("/problems/unsupported-media-type", "Unsupported media type", 415);
    /** A malformed request the framework refused before our code ran. */
    public static final ProblemType BAD_REQUEST = new ProblemType("/problems/bad-request", "Bad request", 400);

    /** The kind of one of our exceptions; empty for any other throwable. */
    public static Optional<ProblemType> of(Throwable error) {
        return Optional.ofNullable(switch (error) {
            case NotFoundException e -> NOT_FOUND;
            case ConflictException e -> new ProblemType("/problems/conflict", "Conflict", 409);
            case PayloadTooLargeException e -> PAYLOAD_TOO_LARGE;
            case InvalidInputException e -> new ProblemType("/problems/invalid-input", "Invalid input", 400);
            case UnsupportedMediaTypeException e -> UNSUPPORTED_MEDIA_TYPE;
            // Neutral: the same kind answers a missing sign-in and a missing webhook signature.
            case UnauthorizedException e -> new ProblemType("/problems/unauthorized", "Unauthorized", 401);
            case ForbiddenException e -> new ProblemType("/problems/forbidden", "Forbidden", 403);
            case UpstreamUnavailableException e ->
                    new ProblemType("/problems/upstream-unavailable", "Upstream unavailable", 502);
            case LeadhouseException e -> INTERNAL;
            default -> null;
        });
    }

    /** A problem of the same family for a status the framework chose (4xx only; anything else is internal). */
    public static ProblemType ofStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 405 -> new ProblemType("/problems/method-not-allowed", "Method not allowed", 405);
            default -> status >= 400 && status < 500
                    ? new ProblemType(BAD_REQUEST.type(), BAD_REQUEST.title(), status)
                    : INTERNAL;
        };
    }

    /** Whether the detail may be shown: never for a 5xx other than an upstream failure. */
    public boolean showsDetail() {
        return status < 500 || status == 502;
    }
}
