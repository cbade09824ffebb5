package dev.dtscontract.server.console;

/** A console request that gets no page: a 404 (no such file or request) or a 400 (a form the console did not make). */
final class ConsoleRefusal extends RuntimeException {

    private final int status;

    private ConsoleRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ConsoleRefusal notFound(String message) {
        return new ConsoleRefusal(404, message);
    }

    static ConsoleRefusal badRequest(String message) {
        return new ConsoleRefusal(400, message);
    }

    static ConsoleRefusal forbidden(String message) {
        return new ConsoleRefusal(403, message);
    }

    int status() {
        return status;
    }
}
