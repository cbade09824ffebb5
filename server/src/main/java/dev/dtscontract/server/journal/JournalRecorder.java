package dev.dtscontract.server.journal;

import dev.dtscontract.server.domain.ErrorCode;
import dev.dtscontract.server.rpc.Exchange;
import dev.dtscontract.server.rpc.ExchangeListener;
import dev.dtscontract.server.rpc.RequestIds;
import dev.dtscontract.server.rpc.RpcCall;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes every answered request of the RPC surface to the {@link Journal}, from what the edge and the controller noted
 * in its {@link Exchange}. Values of the spec's secret parameters ({@code format: password}) never leave the journal
 * unmasked: an entry shows its parameters only through {@link Journal.Entry#parameters()}. The edge publishes every answer of the RPC surface to it.
 */
@Singleton
public final class JournalRecorder implements ExchangeListener {

    private final Journal journal;
    private final Clock clock;
    private final Function<Object, String> asJson;

    public JournalRecorder(Journal journal, Clock clock, JsonMapper json) {
        this.journal = journal;
        this.clock = clock;
        this.asJson = JournalAnswer.writer(json);
    }

    @Override
    public void answered(HttpRequest<?> request, HttpResponse<?> response) {
        if (!journal.enabled()) {
            return;
        }
        Exchange.of(request).filter(Exchange::firstRecording)
                .ifPresent(exchange -> journal.record(entry(request, response, exchange)));
    }

    private Journal.Entry entry(HttpRequest<?> request, HttpResponse<?> response, Exchange exchange) {
        // Only the raw query and form are kept, not a map of decoded values: the journal reads them when asked. Secret
        // values are masked when the journal is read (Journal.Entry#parameters).
        Map<String, String> sent = exchange.sent();
        RpcCall call = exchange.call().orElse(null);
        String accessKeyId = call != null ? call.caller().accessKeyId().orElse(null) : sent.get("AccessKeyId");
        String caller = call != null ? call.caller().accountId().orElse(null) : null;
        // Bounded in bytes (JournalLimits): every value cut visibly, a refused request kept compact.
        JournalLimits limits = journal.limits(call == null || exchange.ending() == Exchange.Ending.REFUSED);
        String query = limits.raw(exchange.rawQuery(), 0);
        String form = limits.raw(exchange.rawForm(), query == null ? 0 : query.length());
        return Journal.Entry.builder()
                .time(clock.instant())
                .requestId(JournalLimits.shortText(RequestIds.of(request)))
                .method(JournalLimits.shortText(exchange.method()))
                .path(JournalLimits.shortText(exchange.path()))
                .signature(exchange.signature())
                .accessKeyId(JournalLimits.shortText(accessKeyId))
                .caller(JournalLimits.shortText(caller))
                .action(JournalLimits.shortText(sent.get("Action")))
                .dtsJobId(JournalLimits.shortText(exchange.dtsJobId().orElse(sent.get("DtsJobId"))))
                .dtsInstanceId(JournalLimits.shortText(sent.get("DtsInstanceId")))
                .rawQuery(query)
                .rawForm(form)
                .v3Action(JournalLimits.shortText(exchange.v3Action()))
                .v3Version(JournalLimits.shortText(exchange.v3Version()))
                .secrets(journal.secrets())
                .status(response.getStatus().getCode())
                .code(exchange.code().map(ErrorCode::wire).orElse(null))
                .rule(exchange.rule().orElse(null))
                .ending(exchange.ending())
                .answer(exchange.dropped() ? null : response.getBody().map(body -> JournalAnswer.of(body, asJson).cut(limits)).orElse(null))
                .build();
    }
}
