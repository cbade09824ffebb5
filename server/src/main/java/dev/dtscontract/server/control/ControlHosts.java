package dev.dtscontract.server.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rule C-HOST of the control spec: the Host names a request addressed to the emulator may carry. localhost, an IPv4
 * loopback address written as four decimal numbers (127.x.y.z) and the IPv6 loopback [::1], in any case and with any
 * port, plus the names configured in {@code DTS_CONTROL_HOSTS}. Nothing is looked up: a name is allowed for what it is,
 * never for what it resolves to, since a rebinding attacker controls what its own name resolves to.
 */
final class ControlHosts {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Pattern CONFIGURED = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+]");

    private final Set<String> configured;

    /** {@code configured}: comma-separated host names (no ports), or blank. */
    ControlHosts(String configured) {
        this.configured = configured == null || configured.isBlank() ? Set.of()
                : Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        for (String name : this.configured) {
            if (!CONFIGURED.matcher(name).matches()) {
                throw new IllegalArgumentException("DTS_CONTROL_HOSTS (dts.control.hosts) must list host names without ports, "
                        + "separated by commas; '" + name + "' is not one");
            }
        }
    }

    Set<String> configured() {
        return configured;
    }

    /** Whether a Host header value (name or address, optionally with a port) addresses the emulator. */
    boolean admits(String hostHeader) {
        String name = nameOf(hostHeader);
        return name != null && (isLoopback(name) || configured.contains(name));
    }

    /** The host name of a Host header, lower case, IPv6 literals in brackets; null when it is not a valid Host. */
    static String nameOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            name = value.substring(0, close + 1);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else {
            int colon = value.indexOf(':');
            name = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        if (name.isEmpty() || (port != null && !PORT.matcher(port).matches())) {
            return null;
        }
        return name;
    }

    static boolean isLoopback(String name) {
        if (name.equals("localhost") || name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        var m = IPV4_LOOPBACK.matcher(name);
        if (!m.matches()) {
            return false;
        }
        for (int group = 1; group <= 3; group++) {
            if (Integer.parseInt(m.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }
}
