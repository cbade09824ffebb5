package dev.dtscontract.server.auth;

import java.util.Map;

/** Who sent a request, or a RuleViolation saying why it is refused. */
@FunctionalInterface
public interface Authenticator {

    Caller authenticate(String method, Map<String, String> sentParameters);
}
