package dev.dtscontract.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Settings under {@code dts.client} for a DtsClient injected into a Micronaut application. The endpoint and
 * timeouts are the HTTP service's own: {@code micronaut.http.services.dts.url}, {@code .connect-timeout},
 * {@code .read-timeout}.
 */
@ConfigurationProperties("dts.client")
public class DtsClientConfiguration {

    private String format = "JSON";
    private String signatureAlgorithm = "v3";
    private int maxAttempts = RetryPolicy.defaults().maxAttempts();
    private Duration initialRetryDelay = RetryPolicy.defaults().initialDelay();
    private Duration maxRetryDelay = RetryPolicy.defaults().maxDelay();
    private String accessKeyId;
    private String accessKeySecret;
    private String securityToken;

    /** JSON (default) or XML: the Format the client asks the service for. */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** v3 (default, ACS3-HMAC-SHA256, as Alibaba Cloud's current SDKs) or v2 (the RPC signature, HMAC-SHA1). */
    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public void setSignatureAlgorithm(String signatureAlgorithm) {
        SignatureAlgorithm.parse(signatureAlgorithm); // fails at configuration time, not at the first request
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The configured algorithm as an enum. */
    public SignatureAlgorithm signatureAlgorithm() {
        return SignatureAlgorithm.parse(signatureAlgorithm);
    }

    /** Attempts in all for a retryable failure (default 3). */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The first retry's delay bound (default 200ms). */
    public Duration getInitialRetryDelay() {
        return initialRetryDelay;
    }

    public void setInitialRetryDelay(Duration initialRetryDelay) {
        this.initialRetryDelay = initialRetryDelay;
    }

    /** The largest retry delay (default 5s). */
    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    /** AccessKey ID; when unset, the ALIBABA_CLOUD_* environment variables are used. */
    @Nullable
    public String getAccessKeyId() {
        return accessKeyId;
    }

    public void setAccessKeyId(@Nullable String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    @Nullable
    public String getAccessKeySecret() {
        return accessKeySecret;
    }

    public void setAccessKeySecret(@Nullable String accessKeySecret) {
        this.accessKeySecret = accessKeySecret;
    }

    @Nullable
    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(@Nullable String securityToken) {
        this.securityToken = securityToken;
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialRetryDelay, maxRetryDelay);
    }

    /** Credentials from this configuration, else from the environment; resolved on first use. */
    CredentialsProvider credentialsProvider() {
        if (accessKeyId == null) {
            return Credentials::fromEnvironment;
        }
        Credentials configured = securityToken == null ? Credentials.of(accessKeyId, accessKeySecret)
                : Credentials.sts(accessKeyId, accessKeySecret, securityToken);
        return () -> configured;
    }

    @Override
    public String toString() {
        return "DtsClientConfiguration[format=" + format + ", signatureAlgorithm=" + signatureAlgorithm + ", maxAttempts=" + maxAttempts + ", accessKeyId=" + accessKeyId + "]";
    }
}
