package dev.dtscontract.client;

/** Supplies the credentials to sign each request with; called per request, so rotated credentials apply at once. */
@FunctionalInterface
public interface CredentialsProvider {

    Credentials credentials();
}
