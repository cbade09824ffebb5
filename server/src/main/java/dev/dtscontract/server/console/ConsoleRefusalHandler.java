package dev.dtscontract.server.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The console's refusals, as its spec declares them: an HTML page saying what was wrong. */
@Produces
@Singleton
final class ConsoleRefusalHandler implements ExceptionHandler<ConsoleRefusal, HttpResponse<String>> {

    @Override
    public HttpResponse<String> handle(HttpRequest request, ConsoleRefusal refusal) {
        String title = switch (refusal.status()) {
            case 404 -> "Not found";
            case 403 -> "Forbidden";
            default -> "Bad request";
        };
        return HttpResponse.<String>status(HttpStatus.valueOf(refusal.status()))
                .body(Html.page(title, "", "<p>" + Html.text(refusal.getMessage()) + "</p>"));
    }
}
