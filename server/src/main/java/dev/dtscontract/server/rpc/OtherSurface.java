package dev.dtscontract.server.rpc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.Optional;

/**
 * An HTTP surface of the emulator beside the operations' (the test-control API and its console): it guards its own
 * paths. The edge hands it the requests to its paths before anything of the RPC surface happens, and the framework's
 * refusals of them; the edge knows nothing else of it.
 */
public interface OtherSurface {

    /** Whether requests to this raw path are this surface's (and it is on). */
    boolean serves(String rawPath);

    /**
     * The request to route, or an exception the surface itself answers. The body as the edge read it (once) goes
     * with the request.
     */
    HttpRequest<?> admit(HttpRequest<?> request, byte[] body);

    /**
     * This surface's answer to what the framework refused on a target of its own (no such route, a body it could not
     * read, a target that is not a URI); empty when the target is not its own.
     *
     * @param notAUri whether the target could not be read as a URI at all
     */
    Optional<MutableHttpResponse<Object>> frameworkRefusal(String target, int status, boolean notAUri);
}
