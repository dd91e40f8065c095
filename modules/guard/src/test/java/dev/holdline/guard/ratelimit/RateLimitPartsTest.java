package dev.holdline.guard.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address literals, trusted proxies, forwarding headers, the fields and the bounded map, without a container. */
class RateLimitPartsTest {

    private static InetAddress ip(String literal) {
        InetAddress address = IpLiterals.parse(literal);
        if (address == null) {
            throw new AssertionError(literal + " did not parse");
        }
        return address;
    }

    @Test
    void literalsParseWithoutLookupsAndNamesDoNot() {
        assertEquals("192.0.2.1", IpLiterals.text(ip("192.0.2.1")));
        assertEquals("0:0:0:0:0:0:0:1", IpLiterals.text(ip("::1")));
        assertEquals("0:0:0:0:0:0:0:1", IpLiterals.text(ip("[::1]")));
        assertEquals("192.0.2.1", IpLiterals.text(ip("::ffff:192.0.2.1")), "IPv4-mapped is the IPv4 address");
        for (String bad : List.of("", "localhost", "example.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.+4", "::g",
                "fe80::1%eth0", "[::1", "1:2:3:4:5:6:7:8:9", "unknown", "_hidden", " 1.2.3.4")) {
            assertNull(IpLiterals.parse(bad), bad);
        }
    }

    @Test
    void nodesLoseTheirPorts() {
        assertEquals(ip("192.0.2.43"), IpLiterals.parseNode("192.0.2.43:47011"));
        assertEquals(ip("2001:db8::1"), IpLiterals.parseNode("[2001:db8::1]:4711"));
        assertEquals(ip("2001:db8::1"), IpLiterals.parseNode("2001:db8::1"));
        assertNull(IpLiterals.parseNode("192.0.2.43:port"));
        assertNull(IpLiterals.parseNode("[2001:db8::1]x"));
    }

    @Test
    void trustedProxiesMatchAddressesAndBlocks() {
        TrustedProxies trusted = TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.10 ,::1, fd00::/8, 172.16.0.0/12");
        assertTrue(trusted.contains(ip("10.255.1.2")));
        assertTrue(trusted.contains(ip("192.168.1.10")));
        assertFalse(trusted.contains(ip("192.168.1.11")));
        assertTrue(trusted.contains(ip("::1")));
        assertTrue(trusted.contains(ip("fdab::7")));
        assertTrue(trusted.contains(ip("172.31.255.255")));
        assertFalse(trusted.contains(ip("172.32.0.0")));
        assertFalse(trusted.contains(ip("11.0.0.1")));
        assertFalse(trusted.contains(null));
        assertTrue(TrustedProxies.parse(" , ").isEmpty());
        assertTrue(TrustedProxies.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        for (String bad : List.of("10.0.0.0/33", "proxy.example", "10.0.0.0/", "::1/129", "10.0.0.0/-1", "10.0.0.0/8/8")) {
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad), bad);
        }
    }

    @Test
    void forwardingHeadersAreReadHopByHop() {
        assertEquals(List.of("203.0.113.1", "10.0.0.2"),
                ForwardedHeader.X_FORWARDED_FOR.hops(Collections.enumeration(List.of("203.0.113.1, 10.0.0.2"))));
        assertEquals(List.of("a", "b", "c"), ForwardedHeader.X_FORWARDED_FOR.hops(Collections.enumeration(List.of("a,b", "c"))));
        assertEquals(Arrays.asList("[2001:db8::1]:4711", "192.0.2.60", null, null),
                ForwardedHeader.FORWARDED.hops(Collections.enumeration(List.of(
                        "for=\"[2001:db8::1]:4711\";proto=https, For=192.0.2.60;by=203.0.113.43", "proto=http, garbage"))));
        assertEquals(ForwardedHeader.FORWARDED, ForwardedHeader.byFieldName("forwarded"));
        assertThrows(IllegalArgumentException.class, () -> ForwardedHeader.byFieldName("X-Real-IP"));
    }

    @Test
    void theClientIsTheRightMostUntrustedHop() {
        ClientAddresses addresses = new ClientAddresses(TrustedProxies.parse("10.0.0.0/8"), ForwardedHeader.X_FORWARDED_FOR);
        InetAddress proxy = ip("10.0.0.1");
        assertEquals(ip("203.0.113.7"), addresses.walk(proxy, List.of("1.1.1.1", "203.0.113.7", "10.0.0.2")),
                "spoofed hops left of the real client are not believed");
        assertEquals(ip("203.0.113.7"), addresses.walk(proxy, List.of("garbage", "203.0.113.7")));
        assertEquals(ip("10.0.0.2"), addresses.walk(proxy, List.of("203.0.113.7", "garbage", "10.0.0.2")),
                "an unreadable hop stops the walk at the last readable one");
        assertEquals(proxy, addresses.walk(proxy, List.of()));
        assertEquals(ip("10.0.0.3"), addresses.walk(proxy, List.of("10.0.0.3", "10.0.0.2")), "all trusted: the left-most");
    }

    @Test
    void fieldsFollowTheIetfDraftSyntax() {
        RateLimitPolicy policy = new RateLimitPolicy("default", 100, Duration.ofMinutes(1));
        assertEquals("\"default\";q=100;w=60", policy.policyField());
        assertEquals("\"default\";r=0;t=30", policy.field(0, 30));
        assertEquals("\"a\\\"b\\\\c\";q=5", new RateLimitPolicy("a\"b\\c", 5, Duration.ofMillis(1500)).policyField(),
                "escaped name; no w for a window that is not whole seconds");
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("caf\u00e9", 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("p", 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("p", 1, Duration.ZERO));
    }

    @Test
    void aRefusalCarriesRetryAfterOfAtLeastOneSecondAndTheFields() {
        RateLimitPolicy policy = new RateLimitPolicy("burst", 2, Duration.ofSeconds(10));
        RateLimitDecision refused = new RateLimitDecision(policy, false, 0, 10_000_000L, 9_000_000_001L);
        assertEquals(Duration.ofSeconds(1), refused.retryAfter(), "10 ms rounds up to 1 s");
        assertEquals(Duration.ofSeconds(5), new RateLimitDecision(policy, false, 0, 4_000_000_001L, 0).retryAfter());
        RateLimitExceededException rejection = refused.rejection();
        assertEquals(429, rejection.status());
        assertEquals("rate-limited", rejection.problemName());
        assertEquals(Duration.ofSeconds(1), rejection.retryAfter().orElseThrow());
        assertEquals("\"burst\";q=2;w=10", rejection.headers().get("RateLimit-Policy"));
        assertEquals("\"burst\";r=0;t=10", rejection.headers().get("RateLimit"));
        assertThrows(IllegalStateException.class, () -> new RateLimitDecision(policy, true, 1, 0, 0).rejection());
    }

    @Test
    void aBucketRefusesOverItsLimitPerKey() {
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy("p", 3, Duration.ofHours(1)), 100, Duration.ofHours(1));
        assertEquals(2, limiter.acquire("a").remaining());
        assertEquals(1, limiter.acquire("a").remaining());
        assertEquals(0, limiter.acquire("a").remaining());
        RateLimitDecision refused = limiter.acquire("a");
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfter().compareTo(Duration.ofMinutes(19)) > 0, "one token per 20 minutes: " + refused);
        assertTrue(limiter.acquire("b").allowed(), "another key, another bucket");
        assertEquals(new RateLimitStats(4, 1, 2, 0, 100), limiter.stats());
    }

    @Test
    void theMapOfBucketsStaysBounded() {
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy("p", 1, Duration.ofHours(1)), 100, Duration.ofHours(1));
        for (int i = 0; i < 10_000; i++) {
            assertTrue(limiter.acquire("key-" + i).allowed());
        }
        RateLimitStats stats = limiter.stats();
        assertTrue(stats.trackedKeys() <= 100, stats.toString());
        assertTrue(stats.evicted() >= 9_900, stats.toString());
        assertEquals(10_000, stats.allowed());
    }

    @Test
    void outsideARequestKeysAreSharedAndHeaderNeedsAName() {
        KeyResolver global = new KeyResolver(RateLimitKey.GLOBAL, "", new ClientAddresses(TrustedProxies.none(), ForwardedHeader.FORWARDED));
        assertEquals("global", global.keyOf(null));
        KeyResolver byIp = new KeyResolver(RateLimitKey.CLIENT_IP, "", new ClientAddresses(TrustedProxies.none(), ForwardedHeader.FORWARDED));
        assertEquals("none", byIp.keyOf(null), "outside a request: one shared key");
        assertThrows(IllegalArgumentException.class,
                () -> new KeyResolver(RateLimitKey.HEADER, " ", new ClientAddresses(TrustedProxies.none(), ForwardedHeader.FORWARDED)));
    }
}
