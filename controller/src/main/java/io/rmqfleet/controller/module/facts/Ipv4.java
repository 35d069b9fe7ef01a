package io.rmqfleet.controller.module.facts;

/** IPv4 prefix arithmetic for the network facts. */
final class Ipv4 {

    private Ipv4() {
    }

    static String netmask(int prefix) {
        return format(prefix == 0 ? 0 : -1 << (32 - prefix));
    }

    static String network(String address, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return format(parse(address) & mask);
    }

    static int parse(String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        int value = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    static String format(int value) {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }
}
