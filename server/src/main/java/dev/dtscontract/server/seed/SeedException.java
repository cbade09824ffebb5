package dev.dtscontract.server.seed;

/**
 * A seed document (or one entry of it sent on its own) that cannot be loaded: where, and what is wrong. The message
 * reads {@code source:line:column: path: problem}, one line, never a secret value.
 */
public final class SeedException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    SeedException(String source, int line, int column, String problem) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file, the jar resource or "request body". */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, or 0 when the document as a whole is at fault (missing, unreadable). */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or 0. */
    public int column() {
        return column;
    }

    /** The entry's path and what is wrong with it, e.g. {@code jobs[0]: 'resourceGroupId' is missing}. */
    public String problem() {
        return problem;
    }
}
