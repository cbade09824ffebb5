package dev.dtscontract.server.auth;

/** Who sent an authenticated request. With authentication switched off, the caller is {@link #UNAUTHENTICATED}. */
public record Caller(String accountId, String accessKeyId) {

    public static final Caller UNAUTHENTICATED = new Caller(null, null);
}
