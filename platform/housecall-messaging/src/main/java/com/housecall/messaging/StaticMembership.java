package com.housecall.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Static group membership (DECISIONS 28). Each binding's consumer is a static member of the service's group, its
 * {@code group.instance.id} {@code <instance>.<topic>}, to which the container adds {@code -<n>} per consumer
 * thread: stable across restarts of one instance, unique across instances and across the service's bindings. A
 * killed instance that comes back within the session takes its partitions back at once, with no rebalance and no
 * wait for the dead member's session to end.
 * <p>
 * A static member does not leave its group when its consumer closes, so after a graceful stop its partitions would
 * sit unread for the session (6 s), or until this instance returns. A stopping instance cannot know whether it
 * returns, and a restart takes longer than the session anyway, so a graceful stop takes this instance's members out
 * of their groups (the broker's remove-members call, once the bindings have stopped and committed): the others
 * take the partitions at once.
 */
class StaticMembership implements SmartLifecycle {

    /** Just after Spring Cloud Stream's input bindings stop ({@code InputBindingLifecycle}, MAX_VALUE - 3000). */
    static final int PHASE = Integer.MAX_VALUE - 3001;

    private static final Logger log = LoggerFactory.getLogger(StaticMembership.class);
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(3);

    private final String instance;
    private final KafkaAdmin admin;
    private final Map<String, Set<String>> membersByGroup = new ConcurrentHashMap<>();
    private volatile boolean running;

    StaticMembership(String instance, KafkaAdmin admin) {
        this.instance = instance;
        this.admin = admin;
    }

    /**
     * {@code HOUSECALL_INSTANCE_ID} (or {@code housecall.messaging.instance-id}) when set, else the host name: one
     * instance per host needs no setting; two instances of a service on one host must each set their own, or the
     * newer fences the older (its consumers stop, and its readiness goes down).
     */
    static String instance(String configured) {
        String instance = configured == null || configured.isBlank() ? hostName() : configured;
        return NOT_ALLOWED.matcher(instance).replaceAll("-");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    /** Makes the container's consumers static members of {@code group}; called as the binder creates it. */
    void join(AbstractMessageListenerContainer<?, ?> container, String destination, String group) {
        String member = instance + "." + destination;
        container.getContainerProperties().getKafkaConsumerProperties()
                .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
        membersByGroup.computeIfAbsent(group, name -> ConcurrentHashMap.newKeySet()).add(member);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (membersByGroup.isEmpty()) {
            return;
        }
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        // a broker that does not answer cannot move the partitions either: the shutdown does not wait for it
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        Admin client = Admin.create(config);
        try {
            membersByGroup.forEach((group, members) -> leave(client, group, members));
        } finally {
            client.close(Duration.ZERO);
        }
    }

    private void leave(Admin client, String group, Set<String> members) {
        try {
            List<MemberToRemove> ours = client.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).members().stream()
                    .map(MemberDescription::groupInstanceId).flatMap(Optional::stream)
                    .filter(id -> isOneOf(id, members)).map(MemberToRemove::new).toList();
            if (!ours.isEmpty()) {
                client.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(ours)).all()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Left consumer group {} ({} consumers of instance {})", group, ours.size(), instance);
            }
        } catch (ExecutionException | TimeoutException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) { // no group: no member left to take out
                log.warn("Could not leave consumer group {}; its partitions move when the session ends [{}]", group,
                        FailureReason.types(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The container's consumer threads are {@code <member>-0}, {@code <member>-1}, ... */
    static boolean isOneOf(String groupInstanceId, Set<String> members) {
        return members.stream().anyMatch(member -> groupInstanceId.matches(Pattern.quote(member) + "(-\\d+)?"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
