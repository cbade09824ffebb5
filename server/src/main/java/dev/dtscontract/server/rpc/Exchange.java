package dev.dtscontract.server.rpc;

import dev.dtscontract.server.domain.ErrorCode;
import io.micronaut.http.HttpRequest;

import java.util.Map;
import java.util.Optional;

/**
 * What happened to one request on the RPC surface, noted as it happens, for the journal: what was sent (the edge's
 * one decoding, attached as soon as it is made), which signature it carried, and how it ended (a rule broken, a fault,
 * a dry run, an applied change). Not a decision anyone reads back: the edge and the controller decide; this records.
 */
public final class Exchange {

    /** The signature a request carried. */
    public enum Signature { V3, RPC, NONE }

    /** How a request ended. */
    public enum Ending { APPLIED, DRY_RUN, READ, REFUSED, FAULT }

    static final String ATTRIBUTE = "dts.exchange";

    private final String method;
    private final String path;
    // What was sent, as received: the journal keeps these few strings, not a map per request (entries outlive a young
    // collection; a map of decoded values each made the journal cost a third of the throughput in GC).
    private volatile String rawQuery;
    private volatile String rawForm;
    private volatile String v3Action;
    private volatile String v3Version;
    private volatile boolean dropped;
    private volatile Map<String, String> sent = Map.of();
    private volatile Signature signature = Signature.NONE;
    private volatile RpcCall call;
    private volatile ErrorCode code;
    private volatile String rule;
    private volatile Ending ending;
    private volatile String dtsJobId;
    private final java.util.concurrent.atomic.AtomicBoolean recorded = new java.util.concurrent.atomic.AtomicBoolean();

    private final Runnable closeConnection;

    Exchange(String method, String path, Runnable closeConnection) {
        this.method = method;
        this.path = path;
        this.closeConnection = closeConnection;
    }

    static Exchange start(HttpRequest<?> request, String method, String path) {
        Exchange exchange = new Exchange(method, path, RequestLine.connectionCloser(request));
        request.setAttribute(ATTRIBUTE, exchange);
        return exchange;
    }

    /** The exchange of a request the edge saw; empty for one refused before it (a malformed request line). */
    public static Optional<Exchange> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Exchange.class);
    }

    void received(String rawQuery, String rawForm) {
        this.rawQuery = rawQuery;
        this.rawForm = rawForm;
    }

    void sent(Map<String, String> parameters, Signature signature, String v3Action, String v3Version) {
        this.sent = parameters;
        this.signature = signature;
        this.v3Action = v3Action;
        this.v3Version = v3Version;
    }

    void admitted(RpcCall call) {
        this.call = call;
    }

    /** The request broke a rule (or a fault answered it with a code). */
    public void refused(String rule, ErrorCode code, boolean fault) {
        this.rule = rule;
        this.code = code;
        this.ending = fault ? Ending.FAULT : Ending.REFUSED;
    }

    /** The request passed every check; whether the change was applied, and to which job. */
    public void answered(String dtsJobId, boolean applied, boolean fault) {
        this.dtsJobId = dtsJobId;
        this.ending = fault ? Ending.FAULT : applied ? Ending.APPLIED : Ending.DRY_RUN;
    }

    /** A read passed every check and answered this job: nothing changed. */
    public void read(String dtsJobId) {
        this.dtsJobId = dtsJobId;
        this.ending = Ending.READ;
    }

    /** A fault the test-control API injected decided how it ended (after the operation ran). */
    public void faulted() {
        this.ending = Ending.FAULT;
    }

    /**
     * True the first time only: an answer is journaled once, by the response filter or, for a request the edge refused
     * before routing (whose response filters do not run), by the handler that built the answer.
     */
    public boolean firstRecording() {
        return recorded.compareAndSet(false, true);
    }

    /**
     * The connection is to close without an answer (the test-control API's DROP_AFTER_APPLY fault). The edge closes it
     * once every listener has heard of the exchange ({@link #closeIfDropped()}): whoever sees the connection drop then
     * finds the request in the journal. Closed at once here, a test that read the journal right after the drop raced
     * the entry (seen on a faster machine: an empty journal).
     */
    public void dropConnection() {
        dropped = true;
    }

    /** Closes the connection if a fault asked for it: the edge's last step, after its listeners. */
    void closeIfDropped() {
        if (dropped) {
            closeConnection.run();
        }
    }

    /** Whether a fault drops the connection without an answer, so that nothing was answered whatever the response says. */
    public boolean dropped() {
        return dropped;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Every parameter as sent and merged by the edge (empty if it was refused before), secrets included. */
    public Map<String, String> sent() {
        return sent;
    }

    /** The query as received, percent-encoded (null without one). */
    public String rawQuery() {
        return rawQuery;
    }

    /** The form body as received (null without one). */
    public String rawForm() {
        return rawForm;
    }

    /** x-acs-action of a V3 request (null otherwise). */
    public String v3Action() {
        return v3Action;
    }

    /** x-acs-version of a V3 request (null otherwise). */
    public String v3Version() {
        return v3Version;
    }

    public Signature signature() {
        return signature;
    }

    /** The admitted call, when authentication and validation passed. */
    public Optional<RpcCall> call() {
        return Optional.ofNullable(call);
    }

    public Optional<ErrorCode> code() {
        return Optional.ofNullable(code);
    }

    public Optional<String> rule() {
        return Optional.ofNullable(rule);
    }

    /** How it ended; REFUSED when nothing said otherwise (the framework refused it). */
    public Ending ending() {
        return ending == null ? Ending.REFUSED : ending;
    }

    /** The job the change applied to or was checked against, once the domain found it. */
    public Optional<String> dtsJobId() {
        return Optional.ofNullable(dtsJobId);
    }
}
