package io.rmqfleet.controller.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code parse_address}: splits {@code host:port}, {@code [ipv6]:port} and validates the host part as an
 * IPv4/IPv6 address or a host name, where {@code [x:y]} range expressions may stand for parts.
 */
record HostAddress(String host, Integer port) {
    private static final String NUMERIC_RANGE = "\\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String HEX_RANGE = "\\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\\]";
    private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String IPV6_COMPONENT = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";
    private static final String IPV4_COMPONENT = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
    private static final String LABEL = "(?:[\\w]|" + ALNUM_RANGE + ")(?:[\\w_-]|" + ALNUM_RANGE + ")*(?<![_-])";

    // UNIX_LINES: Python's '$' and '.' only treat '\n' as a line end.
    private static final int FLAGS = Pattern.UNIX_LINES;
    private static final int FLAGS_I = FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern BRACKETED_HOSTPORT = Pattern.compile("^\\[(.+)\\]:([0-9]+)$", FLAGS);
    private static final Pattern HOSTPORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$", FLAGS);
    private static final Pattern IPV4 = Pattern.compile("^(?:" + IPV4_COMPONENT + "\\.){3}" + IPV4_COMPONENT + "$", FLAGS_I);
    /**
     * Every way to write 1:2:3:4:5:6:7:8, compressed forms and IPv4-in-IPv6; C stands for one component. As in
     * Ansible's verbose regex, '^' and '$' bind only to the first and last alternative, so with Python's match()
     * the others accept a prefix ("ab::cd" counts as an address). Kept on purpose: patterns split the same way.
     */
    private static final String IPV6_TEMPLATE = "^"
        + "(?:C:){7}C|"
        + "(?:C:){1,6}:|"
        + "(?:C:)(?::C){1,6}|"
        + "(?:C:){2}(?::C){1,5}|"
        + "(?:C:){3}(?::C){1,4}|"
        + "(?:C:){4}(?::C){1,3}|"
        + "(?:C:){5}(?::C){1,2}|"
        + "(?:C:){6}(?::C)|"
        + ":(?::C){1,6}|"
        + "C?::|"
        + "(?:0:){6}(?:C\\.){3}C|"
        + "::(?:ffff:)?(?:C\\.){3}C|"
        + "(?:0:){5}ffff:(?:C\\.){3}C"
        + "$";
    private static final Pattern IPV6 = Pattern.compile(IPV6_TEMPLATE.replace("C", IPV6_COMPONENT), FLAGS_I);
    private static final Pattern HOSTNAME = Pattern.compile("^" + LABEL + "(?:\\." + LABEL + ")*$",
        FLAGS_I | Pattern.UNICODE_CHARACTER_CLASS);

    /** The address, or empty where Ansible raises "Not a valid network hostname" (callers then keep the text). */
    static Optional<HostAddress> parse(String address, boolean allowRanges) {
        Integer port = null;
        String rest = address;
        for (Pattern p : new Pattern[] {BRACKETED_HOSTPORT, HOSTPORT}) {
            Matcher m = p.matcher(rest);
            if (m.lookingAt()) {
                rest = m.group(1);
                try {
                    port = Integer.valueOf(m.group(2));
                } catch (NumberFormatException tooBig) {
                    return Optional.empty();
                }
            }
        }
        boolean valid = IPV4.matcher(rest).lookingAt() || IPV6.matcher(rest).lookingAt() || HOSTNAME.matcher(rest).lookingAt();
        if (!valid) {
            return Optional.empty();
        }
        if (!allowRanges && rest.contains("[")) {
            return Optional.empty();
        }
        return Optional.of(new HostAddress(rest, port));
    }

    /** Whether {@code name} is an IPv4 or IPv6 address (then inventory_hostname_short is the whole name). */
    static boolean isIpAddress(String name) {
        return IPV4.matcher(name).lookingAt() || IPV6.matcher(name).lookingAt();
    }
}
