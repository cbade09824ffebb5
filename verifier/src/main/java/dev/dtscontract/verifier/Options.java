package dev.dtscontract.verifier;

import dev.dtscontract.signing.Credentials;
import dev.dtscontract.verifier.Check.Signature;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The command line, parsed and checked; every mistake is an {@link IllegalArgumentException} with a one-line message. */
public record Options(URI url, Credentials credentials, Signature signature, List<String> examples, boolean dryRunOnly,
                      boolean allowChanges, Path reportDir, Duration timeout, boolean list, boolean help) {

    public static final String USAGE = """
            usage: java -jar dts-verifier.jar [verify] --url URL [options]
              Replays the spec's request examples against URL, signed, and holds every answer to the spec.
              --url URL                 the provider, e.g. http://127.0.0.1:8080 or https://dts.cn-hangzhou.aliyuncs.com
              --access-key-id ID        the AccessKey to sign with (default $ALIBABA_CLOUD_ACCESS_KEY_ID)
              --access-key-secret S     its secret (default $ALIBABA_CLOUD_ACCESS_KEY_SECRET; prefer the variable:
                                        a command line is visible to other users of the machine)
              --security-token T        for STS credentials (default $ALIBABA_CLOUD_SECURITY_TOKEN)
              --signature v3|v2         signature V3, ACS3-HMAC-SHA256 (default, as Alibaba's current SDKs) or the RPC
                                        signature (v2, HMAC-SHA1)
              --examples ID[,ID] [ID]   only these checks (request example ids of the spec, or probe ids; see --list)
              --dry-run-only            only requests that cannot change anything: reads, DryRun=true, or refused before any change
              --allow-changes           allow requests that may change a job against a URL that is not loopback
              --report-dir DIR          where TEST-dts-verifier.xml and summary.md go (default dts-verifier-report)
              --timeout SECONDS         per request (default 10)
              --list                    print the checks, their rules and whether they are safe, and exit
              --help                    this text
            Exit status: 0 every check passed, 1 a check failed, 2 nothing could be verified (bad options, URL unreachable,
            credentials refused, not this API, or changes refused against a URL that is not loopback).
            """;

    public static Options parse(String[] args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && rest.get(0).equals("verify")) {
            rest.remove(0);
        }
        String url = null;
        String keyId = env.get(Credentials.ENV_ACCESS_KEY_ID);
        String secret = env.get(Credentials.ENV_ACCESS_KEY_SECRET);
        String token = env.get(Credentials.ENV_SECURITY_TOKEN);
        Signature signature = Signature.V3;
        List<String> examples = new ArrayList<>();
        boolean dryRunOnly = false;
        boolean allowChanges = false;
        boolean list = false;
        Path reportDir = Path.of("dts-verifier-report");
        Duration timeout = Duration.ofSeconds(10);
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            switch (option) {
                case "--help", "-h" -> {
                    return new Options(null, null, signature, List.of(), false, false, reportDir, timeout, false, true);
                }
                case "--url" -> url = value(rest, ++i, option);
                case "--access-key-id" -> keyId = value(rest, ++i, option);
                case "--access-key-secret" -> secret = value(rest, ++i, option);
                case "--security-token" -> token = value(rest, ++i, option);
                case "--signature" -> signature = Signature.of(value(rest, ++i, option));
                case "--examples" -> { // ids separated by commas, or following as separate arguments
                    Arrays.stream(value(rest, ++i, option).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(examples::add);
                    while (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                        Arrays.stream(rest.get(++i).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(examples::add);
                    }
                }
                case "--dry-run-only" -> dryRunOnly = true;
                case "--allow-changes" -> allowChanges = true;
                case "--report-dir" -> reportDir = Path.of(value(rest, ++i, option));
                case "--timeout" -> timeout = Duration.ofSeconds(seconds(value(rest, ++i, option)));
                case "--list" -> list = true;
                default -> throw new IllegalArgumentException(option.startsWith("-") ? "unknown option " + option
                        : "unexpected argument " + option + " (options start with --)");
            }
        }
        if (list) {
            return new Options(null, null, signature, examples, dryRunOnly, allowChanges, reportDir, timeout, true, false);
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        return new Options(url(url), credentials(keyId, secret, token), signature, List.copyOf(examples), dryRunOnly,
                allowChanges, reportDir, timeout, false, false);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static long seconds(String text) {
        try {
            long s = Long.parseLong(text);
            if (s < 1 || s > 600) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout is a number of seconds from 1 to 600, not " + text);
        }
    }

    private static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a URL: " + text);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http:// or https:// URL with a host, not " + text);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--url takes no query or fragment: " + text);
        }
        return uri;
    }

    private static Credentials credentials(String keyId, String secret, String token) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("no AccessKey: give --access-key-id or set " + Credentials.ENV_ACCESS_KEY_ID);
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("no secret for AccessKey " + keyId + ": give --access-key-secret or set "
                    + Credentials.ENV_ACCESS_KEY_SECRET);
        }
        return token == null || token.isBlank() ? Credentials.of(keyId, secret) : Credentials.sts(keyId, secret, token);
    }

    /** Whether the URL's host is this machine (by name or address), where a change can only touch a local provider. */
    public boolean loopback() {
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
