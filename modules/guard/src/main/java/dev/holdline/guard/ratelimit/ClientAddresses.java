package dev.holdline.guard.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Finds a request's client address: the peer's, unless the peer is a trusted proxy; then the right-most
 * hop of the forwarding header that is not itself a trusted proxy. Hops to the left of that one were
 * written by whoever sent the request and prove nothing, so a client cannot pick its own key by
 * sending the header; an unreadable hop stops the walk at the last readable one. A request from an
 * untrusted peer never has its forwarding header read at all.
 */
final class ClientAddresses {

    private final TrustedProxies trusted;
    private final ForwardedHeader header;

    /** Reads {@code header} from the {@code trusted} peers only. */
    ClientAddresses(TrustedProxies trusted, ForwardedHeader header) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.header = Objects.requireNonNull(header, "header");
    }

    /** The client address of a request, as canonical text (the peer's own text if it is no IP literal). */
    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        InetAddress peer = IpLiterals.parse(withoutZone(remote));
        if (peer == null) {
            return remote == null ? "unknown" : remote;
        }
        if (!trusted.contains(peer)) {
            return IpLiterals.text(peer);
        }
        return IpLiterals.text(walk(peer, header.hops(request.getHeaders(header.fieldName()))));
    }

    /** From the nearest hop leftwards: the first untrusted one, or the last readable one. */
    InetAddress walk(InetAddress peer, List<String> hops) {
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiterals.parseNode(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusted.contains(hop)) {
                break;
            }
        }
        return client;
    }

    @Override
    public String toString() {
        return "trusted proxies " + trusted + (trusted.isEmpty() ? "" : ", header " + header.fieldName());
    }

    private static String withoutZone(String address) {
        if (address == null) {
            return null;
        }
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int percent = bare.indexOf('%');
        return percent < 0 ? bare : bare.substring(0, percent);
    }
}
