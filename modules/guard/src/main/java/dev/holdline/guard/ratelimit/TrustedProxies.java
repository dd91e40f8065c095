package dev.holdline.guard.ratelimit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers whose {@code X-Forwarded-For} or {@code Forwarded} header is believed: a list of addresses and
 * CIDR blocks such as {@code 10.0.0.0/8, 192.168.1.10, ::1, fd00::/8}. Empty (the default) believes no one,
 * so forwarding headers are ignored and every request counts by its peer's address.
 */
final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Trusts no one. */
    static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list of IP literals and CIDR blocks; blank means none.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (!entry.isEmpty()) {
                blocks.add(block(entry));
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /** Whether no one is trusted. */
    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether the address is a trusted proxy. */
    boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "none" : blocks.toString();
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress address = IpLiterals.parse(literal);
        if (address == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length (0 to " + bits + ")");
            }
            prefix = Integer.parseInt(length);
        }
        return new Block(address.getAddress(), prefix, entry);
    }

    /** A network and its prefix length; an address of the other family never matches. */
    private record Block(byte[] network, int prefix, String text) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
