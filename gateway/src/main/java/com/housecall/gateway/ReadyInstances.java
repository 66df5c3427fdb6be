package com.housecall.gateway;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;

/**
 * The instances of one service that answered their readiness check (every {@code spring.cloud.loadbalancer
 * .health-check.interval}, at {@code .path.default}) with 200: a killed instance or one draining after SIGTERM
 * (its readiness goes down first) gets no new requests. When none answered, all of them, so that a request still
 * fails as the service does (502, 503) rather than as the gateway's "no instance".
 */
final class ReadyInstances extends HealthCheckServiceInstanceListSupplier {

    private final List<ServiceInstance> all;

    ReadyInstances(String service, List<ServiceInstance> all, ReactiveLoadBalancer.Factory<ServiceInstance> factory,
                   WebClient client) {
        super(ServiceInstanceListSuppliers.from(service, all.toArray(ServiceInstance[]::new)), factory,
                (instance, path) -> client.get()
                        .uri(UriComponentsBuilder.fromUri(instance.getUri()).path(path).build().toUri())
                        .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value() == 200)));
        this.all = List.copyOf(all);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return super.get().map(ready -> ready.isEmpty() ? all : ready);
    }
}
