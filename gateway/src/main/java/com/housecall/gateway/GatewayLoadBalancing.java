package com.housecall.gateway;

import java.net.URI;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Each route's {@code lb://<service>} is one of the service's targets ({@code housecall.gateway.targets.<service>},
 * one address or several), in turn. With several, only those whose readiness answers are chosen (see
 * {@link ReadyInstances}), so two instances of a service share its HTTP requests and one may die or stop (issue 15).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = TargetInstances.class)
class GatewayLoadBalancing {

    static final String SCHEME = "lb://";

    /** The route target of a service by its name in {@code housecall.gateway.targets}. */
    static URI target(String service) {
        return URI.create(SCHEME + service);
    }
}
