package com.housecall.booking.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard of subscription endpoints (CONTRACT.md section 14): https only, except http on loopback in
 * development; in production no target may resolve to a loopback, private, link-local, unspecified or multicast
 * address. Checked when a subscription is created and again before every delivery (DNS may change). Plain Java.
 */
final class EndpointGuard {

    /** Resolves a host name; tests give a fixed answer. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean development;
    private final Resolver resolver;

    EndpointGuard(boolean development, Resolver resolver) {
        this.development = development;
        this.resolver = resolver;
    }

    static EndpointGuard of(boolean development) {
        return new EndpointGuard(development, InetAddress::getAllByName);
    }

    /** Empty when the endpoint may be called; else why not, in a fixed sentence (the URL is never echoed). */
    Optional<String> refusal(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("The endpoint is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("The endpoint must be an https URL with a host and no user info.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The endpoint's host does not resolve.");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (development && allLoopback) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.of("The endpoint must be https (http only on loopback, in development).");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("The endpoint resolves to a loopback, private or link-local address.");
            }
        }
        return Optional.empty();
    }

    private static boolean internal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        boolean carrierNat = raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat;
    }
}
