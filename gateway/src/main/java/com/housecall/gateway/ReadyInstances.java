package com.housecall.gateway;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The instances of one service that answered their readiness check (every {@code spring.cloud.loadbalancer
 * .health-check.interval}, at {@code .path.default}) with 200: a killed instance or one draining after SIGTERM
 * (its readiness goes down first) gets no new requests. When none answered 200 in time, those whose last check was
 * not refused (a survivor too busy to answer within the interval, one that answered 503), so that a request fails
 * as the service does (502, 503) rather than as the gateway's "no instance", and is not sent to a dead port; all
 * of them when every check was refused.
 */
final class ReadyInstances extends HealthCheckServiceInstanceListSupplier {

    private final List<ServiceInstance> all;
    private final Set<URI> unreachable;

    ReadyInstances(String service, List<ServiceInstance> all, ReactiveLoadBalancer.Factory<ServiceInstance> factory,
                   WebClient client) {
        this(service, all, factory, client, ConcurrentHashMap.newKeySet());
    }

    private ReadyInstances(String service, List<ServiceInstance> all,
                           ReactiveLoadBalancer.Factory<ServiceInstance> factory, WebClient client,
                           Set<URI> unreachable) {
        super(ServiceInstanceListSuppliers.from(service, all.toArray(ServiceInstance[]::new)), factory,
                check(client, unreachable));
        this.all = List.copyOf(all);
        this.unreachable = unreachable;
    }

    private static BiFunction<ServiceInstance, String, Mono<Boolean>> check(WebClient client, Set<URI> unreachable) {
        return (instance, path) -> client.get()
                .uri(UriComponentsBuilder.fromUri(instance.getUri()).path(path).build().toUri())
                .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value() == 200))
                // a check that times out is cancelled: the instance stays as its last check left it
                .doOnSuccess(ready -> unreachable.remove(instance.getUri()))
                .doOnError(error -> unreachable.add(instance.getUri()));
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return super.get().map(ready -> ready.isEmpty() ? reachable() : ready);
    }

    private List<ServiceInstance> reachable() {
        List<ServiceInstance> reachable = all.stream()
                .filter(instance -> !unreachable.contains(instance.getUri())).toList();
        return reachable.isEmpty() ? all : reachable;
    }
}
