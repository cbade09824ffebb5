package dev.dtscontract.client;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** The default credentials of an injected DtsClient; an application's own CredentialsProvider bean replaces it. */
@Factory
final class DtsClientFactory {

    @Singleton
    @Secondary
    CredentialsProvider credentialsProvider(DtsClientConfiguration configuration) {
        return configuration.credentialsProvider();
    }
}
