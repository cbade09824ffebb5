package dev.dtscontract.server.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Gives each console answer the media type its spec declares. The generated interface lists the 401's
 * application/json first among each operation's types, and a browser asking for a script or a style sheet accepts
 * anything, so without this a page or a script could go out as JSON (which browsers refuse as a style sheet).
 */
@ServerFilter("/_emulator/console/**")
public final class ConsoleMediaTypes {

    private static final MediaType JAVASCRIPT = MediaType.of("application/javascript;charset=utf-8");
    private static final MediaType CSS = MediaType.of("text/css;charset=utf-8");
    private static final MediaType YAML = MediaType.of("application/yaml;charset=utf-8");
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    @ResponseFilter
    public void declaredType(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof String)) {
            return; // not a page or file of the console: the guard's or the control API's ControlError, JSON as there
        }
        String path = request.getPath();
        response.contentType(response.getStatus().getCode() != 200 ? HTML // the console's 404 and 400 are pages
                : path.startsWith("/_emulator/console/scripts/") ? JAVASCRIPT
                : path.startsWith("/_emulator/console/styles/") ? CSS
                : path.equals("/_emulator/console/openapi.yaml") ? YAML : HTML);
    }
}
