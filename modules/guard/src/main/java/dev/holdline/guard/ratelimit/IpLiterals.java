package dev.holdline.guard.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever asking DNS: {@link InetAddress#getByName} looks up anything
 * that is not a literal, and a client-chosen header must never make the server resolve names.
 */
final class IpLiterals {

    private static final int MAX_IPV6_LENGTH = 45;

    private IpLiterals() {
    }

    /**
     * An IPv4 dotted quad or an IPv6 literal (with or without brackets), or null for anything else,
     * zone identifiers included. IPv4-mapped IPv6 addresses come back as IPv4.
     */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String literal = text;
        if (literal.charAt(0) == '[') {
            if (literal.length() < 3 || literal.charAt(literal.length() - 1) != ']') {
                return null;
            }
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0) {
            byte[] ipv4 = ipv4(literal);
            return ipv4 == null ? null : address(ipv4);
        }
        if (literal.length() > MAX_IPV6_LENGTH || !literal.chars().allMatch(IpLiterals::ipv6Char)) {
            return null;
        }
        try {
            // Brackets make the JDK treat the text as an IPv6 literal only: invalid means an exception, never a lookup.
            return InetAddress.getByName("[" + literal + "]");
        } catch (UnknownHostException | IllegalArgumentException notALiteral) {
            return null;
        }
    }

    /**
     * A node of {@code X-Forwarded-For} or {@code Forwarded} ({@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}, {@code 2001:db8::1}) without its port, or null if it is no address
     * ({@code unknown}, an obfuscated identifier, garbage).
     */
    static InetAddress parseNode(String node) {
        if (node == null || node.isEmpty()) {
            return null;
        }
        if (node.charAt(0) == '[') {
            int close = node.indexOf(']');
            if (close < 0 || (close != node.length() - 1 && !isPort(node, close + 1))) {
                return null;
            }
            return parse(node.substring(0, close + 1));
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && colon == node.lastIndexOf(':')) {
            return isPort(node, colon) ? parse(node.substring(0, colon)) : null;
        }
        return parse(node);
    }

    /** The canonical text of an address, the same for every spelling of it. */
    static String text(InetAddress address) {
        return address.getHostAddress();
    }

    private static boolean isPort(String node, int colon) {
        int digits = node.length() - colon - 1;
        return node.charAt(colon) == ':' && digits >= 1 && digits <= 5
                && node.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean ipv6Char(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    }
}
