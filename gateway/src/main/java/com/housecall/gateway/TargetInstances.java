package com.housecall.gateway;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances of one service, in the load-balancer context Spring Cloud LoadBalancer makes for it (on first use):
 * not a {@code @Configuration}, so that it is read there only, where {@code loadbalancer.client.name} names the
 * service.
 */
class TargetInstances {

    @Bean
    ServiceInstanceListSupplier instances(Environment environment, GatewayProperties properties,
                                          LoadBalancerClientFactory factory) {
        String service = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        List<URI> targets = properties.targets().of(service);
        List<ServiceInstance> instances = IntStream.range(0, targets.size())
                .mapToObj(i -> (ServiceInstance) new DefaultServiceInstance(service + "-" + (i + 1), service,
                        targets.get(i).getHost(), port(targets.get(i)), "https".equals(targets.get(i).getScheme())))
                .toList();
        if (instances.size() == 1) {
            // nothing to choose from: no checks, which would only add load
            return ServiceInstanceListSuppliers.from(service, instances.getFirst());
        }
        return new ReadyInstances(service, instances, factory, WebClient.create());
    }

    private static int port(URI target) {
        if (target.getPort() != -1) {
            return target.getPort();
        }
        return "https".equals(target.getScheme()) ? 443 : 80;
    }
}
