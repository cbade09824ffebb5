package dev.dtscontract.client.internal;

import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/**
 * Turns every error status into a DtsClientException while the body is at hand. Without it the declarative
 * client answers 404 with null and drops the body that says which resource was not found.
 */
@ClientFilter(serviceId = "dts")
public final class ErrorStatusFilter {

    /** Runs only when the exchange failed with an error status (a non-null Throwable parameter). */
    @ResponseFilter
    public void raiseErrors(HttpClientResponseException failure) {
        throw ErrorBodies.parse(failure.getStatus().getCode(), failure.getResponse().getBody(String.class).orElse(null));
    }
}
