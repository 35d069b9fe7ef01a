package io.rmqfleet.testbed;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One /24 inside 10.213.0.0/16, the only range the test bed may use (this machine's network rule). Hosts get
 * fixed addresses from .11 upwards; .1 is the gateway Docker puts on the outer side of the bridge.
 */
public record Subnet(int thirdOctet) {
    private static final Pattern CIDR = Pattern.compile("10\\.213\\.(\\d{1,3})\\.0/24");
    public static final Subnet DEFAULT = new Subnet(0);
    /** Hosts are numbered from 1; host N gets .10+N, so at most 200 hosts fit. */
    public static final int MAX_HOSTS = 200;

    public Subnet {
        if (thirdOctet < 0 || thirdOctet > 255) {
            throw new IllegalArgumentException("third octet out of range: " + thirdOctet);
        }
    }

    /** Parses {@code 10.213.X.0/24}; anything else is refused. */
    public static Subnet parse(String cidr) {
        Matcher m = CIDR.matcher(cidr.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) > 255) {
            throw new IllegalArgumentException(
                "test bed subnet must be a /24 inside 10.213.0.0/16, like 10.213.0.0/24: " + cidr);
        }
        return new Subnet(Integer.parseInt(m.group(1)));
    }

    public String cidr() {
        return "10.213." + thirdOctet + ".0/24";
    }

    public String gateway() {
        return "10.213." + thirdOctet + ".1";
    }

    /** Address of host number {@code n} (1-based): 10.213.X.(10+n). */
    public String hostAddress(int n) {
        if (n < 1 || n > MAX_HOSTS) {
            throw new IllegalArgumentException("host number must be 1.." + MAX_HOSTS + ": " + n);
        }
        return "10.213." + thirdOctet + "." + (10 + n);
    }

    /** The next /24 in the 10.213.0.0/16 range, or empty after 10.213.255.0/24. */
    public Optional<Subnet> next() {
        return thirdOctet == 255 ? Optional.empty() : Optional.of(new Subnet(thirdOctet + 1));
    }

    @Override
    public String toString() {
        return cidr();
    }
}
