package dev.dtscontract.server.control;

import dev.dtscontract.server.control.model.Outcome;

import java.time.Instant;

/**
 * What to read of the journal: the newest {@code limit} entries, narrowed by whichever of action, job, code, outcome and
 * time are given (null: any). Built by name ({@code JournalQuery.newest(100).dtsJobId(id)}), for the control API and the
 * console alike.
 */
public record JournalQuery(String action, String dtsJobId, String code, Outcome outcome, Instant since, int limit) {

    /** The newest {@code limit} entries, whatever they are. */
    public static JournalQuery newest(int limit) {
        return new JournalQuery(null, null, null, null, null, limit);
    }

    public JournalQuery action(String action) {
        return new JournalQuery(action, dtsJobId, code, outcome, since, limit);
    }

    /** Entries that name the job, by DtsJobId or by its DtsInstanceId. */
    public JournalQuery dtsJobId(String dtsJobId) {
        return new JournalQuery(action, dtsJobId, code, outcome, since, limit);
    }

    public JournalQuery code(String code) {
        return new JournalQuery(action, dtsJobId, code, outcome, since, limit);
    }

    public JournalQuery outcome(Outcome outcome) {
        return new JournalQuery(action, dtsJobId, code, outcome, since, limit);
    }

    /** Entries recorded at or after this instant. */
    public JournalQuery since(Instant since) {
        return new JournalQuery(action, dtsJobId, code, outcome, since, limit);
    }
}
