package com.housecall.booking.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard: what a subscription endpoint may be, checked on the addresses a name resolves to. */
class EndpointGuardTest {

    /** Every name resolves to {@code address}, as a hostile DNS answer would. */
    private static EndpointGuard resolvingTo(boolean development, String address) {
        return new EndpointGuard(development, host -> new InetAddress[] {InetAddress.getByName(address)});
    }

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertThat(resolvingTo(false, "93.184.216.34").refusal("https://hooks.clinic.example/fhir")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1"})
    void productionRefusesANameThatResolvesInside(String address) {
        assertThat(resolvingTo(false, address).refusal("https://innocent.clinic.example/hook"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback, private or link-local"));
    }

    @Test
    void developmentAllowsLoopbackOverHttpButNothingElseInside() {
        assertThat(resolvingTo(true, "127.0.0.1").refusal("http://localhost:9000/hook")).isEmpty();
        assertThat(resolvingTo(true, "10.0.0.5").refusal("http://build.internal/hook")).isPresent();
        assertThat(resolvingTo(true, "169.254.169.254").refusal("https://metadata.internal/")).isPresent();
    }

    @Test
    void productionRefusesPlainHttpAndLoopback() {
        assertThat(resolvingTo(false, "93.184.216.34").refusal("http://hooks.clinic.example/fhir"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("https"));
        assertThat(resolvingTo(false, "127.0.0.1").refusal("http://localhost:9000/hook")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.clinic.example/x", "not a url", "https:///nohost",
            "https://user:pw@hooks.clinic.example/x", "file:///etc/passwd"})
    void anythingButAnHttpsUrlWithAHostIsRefused(String endpoint) {
        assertThat(resolvingTo(false, "93.184.216.34").refusal(endpoint)).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        EndpointGuard guard = new EndpointGuard(false, host -> {
            throw new UnknownHostException("no");
        });
        assertThat(guard.refusal("https://gone.clinic.example/")).hasValue("The endpoint's host does not resolve.");
    }

    @Test
    void oneInsideAddressAmongSeveralIsEnough() {
        EndpointGuard guard = new EndpointGuard(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")});
        assertThat(guard.refusal("https://split.clinic.example/")).isPresent();
    }
}
