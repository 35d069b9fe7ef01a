package io.rmqfleet.controller.rocketmq.verify;

/** Explains a wrong broker address with the classic cause when the address gives it away. */
final class AddressHints {

    private AddressHints() {
    }

    static String why(String registeredAddress) {
        String ip = registeredAddress.contains(":")
            ? registeredAddress.substring(0, registeredAddress.lastIndexOf(':')) : registeredAddress;
        if (ip.startsWith("172.17.") || isIn172Private(ip)) {
            return ": that is a Docker bridge (container) address, so clients outside the container cannot reach it;"
                + " set brokerIP1 to the host address (broker_ip1, default ansible_host)";
        }
        if (ip.startsWith("10.250.")) {
            return ": that is the address on the host's inner Docker bridge; set brokerIP1 to the host address"
                + " (broker_ip1, default ansible_host)";
        }
        if (ip.startsWith("127.")) {
            return ": a loopback address is useless to clients on other machines; set brokerIP1 to the host address";
        }
        return ": brokerIP1 in the broker's config differs from the inventory (broker_ip1, default ansible_host)";
    }

    /** 172.16.0.0/12, where Docker puts its bridge networks. */
    private static boolean isIn172Private(String ip) {
        String[] parts = ip.split("\\.");
        if (parts.length != 4 || !parts[0].equals("172")) {
            return false;
        }
        try {
            int second = Integer.parseInt(parts[1]);
            return second >= 16 && second <= 31;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
