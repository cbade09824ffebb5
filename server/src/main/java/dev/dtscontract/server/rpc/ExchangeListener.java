package dev.dtscontract.server.rpc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

/**
 * Observes each answered request of the operations' surface, with the {@link Exchange} the edge and the operation
 * noted (the journal). The edge publishes; listeners must not throw or block.
 */
public interface ExchangeListener {

    void answered(HttpRequest<?> request, HttpResponse<?> response);
}
