package com.housecall.messaging;

import com.housecall.events.EventCatalog;
import com.housecall.events.Topics;
import com.housecall.events.phi.KeyEncryptionKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the outbox, its relay, the inbox and retry-then-dead-letter into every service, with their metrics and the
 * consumers' readiness.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({MessagingProperties.class, PhiProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProducerFactory<byte[], byte[]> eventProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.putAll(KafkaClientSettings.producer());
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config,
                new ByteArraySerializer(), new ByteArraySerializer());
        // kafka_producer_* metrics: Boot instruments only the factories it builds itself
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<byte[], byte[]> eventKafkaTemplate(ProducerFactory<byte[], byte[]> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    /** The service's own migrations, then the outbox and inbox tables, with their own history table. */
    @Bean
    FlywayMigrationStrategy serviceThenMessagingMigrations() {
        return flyway -> {
            flyway.migrate();
            MessagingSchema.migrate(flyway.getConfiguration().getDataSource());
        };
    }

    /** Boot's OpenTelemetry tracer and W3C propagator; no-ops where tracing is switched off. */
    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * The key-encryption keys; in production a service that seals or opens PHI refuses the development one (anyone
     * can read it). The operator console never opens PHI and needs no KEK.
     */
    @Bean
    KeyEncryptionKeys keyEncryptionKeys(PhiProperties properties, Environment environment) {
        KeyEncryptionKeys keys = properties.keys();
        String functions = environment.getProperty("spring.cloud.function.definition", "");
        boolean handlesPhi = properties.keyOwner() || Topics.ALL.stream().filter(Topics::carriesPhi)
                .map(Topics::bindingName).anyMatch(functions::contains);
        if (handlesPhi && environment.matchesProfiles("production") && keys.knows(KeyEncryptionKeys.DEV_VERSION)) {
            throw new IllegalStateException("The production profile refuses the development key-encryption key: "
                    + "set HOUSECALL_PHI_KEK");
        }
        return keys;
    }

    /** The owner of the PHI topics (booking-service) keeps their data keys. */
    @Bean
    @ConditionalOnProperty(name = "housecall.phi.key-owner", havingValue = "true")
    DataKeys dataKeys(JdbcClient jdbc, KeyEncryptionKeys keyEncryptionKeys, Clock clock) {
        return new DataKeys(jdbc, keyEncryptionKeys, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "housecall.phi.key-owner", havingValue = "true")
    DataKeyRotation dataKeyRotation(DataKeys dataKeys, OutboxWriter outboxWriter, TransactionTemplate transactions) {
        return new DataKeyRotation(dataKeys, outboxWriter, transactions);
    }

    @Bean
    DataKeyRing dataKeyRing(KafkaProperties kafka, KeyEncryptionKeys keyEncryptionKeys, PhiProperties properties) {
        return new DataKeyRing(DataKeyRing.consumerConfig(kafka.buildConsumerProperties()), keyEncryptionKeys,
                properties.keyWait());
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, @Value("${spring.application.name}") String module, Clock clock,
                              EventTracing tracing, ObjectProvider<DataKeys> dataKeys, OutboxRelay relay) {
        return new OutboxWriter(jdbc, module, clock, tracing, dataKeys.getIfAvailable(), relay::wake);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions,
                            KafkaTemplate<byte[], byte[]> eventKafkaTemplate, MessagingProperties properties,
                            EventTracing tracing) {
        return new OutboxRelay(jdbc, transactions, eventKafkaTemplate, properties, tracing);
    }

    /** The consumer group is the module's directory name, as {@code spring.application.name}. */
    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions, @Value("${spring.application.name}") String group,
                Clock clock, EventTracing tracing, DataKeyRing dataKeyRing) {
        return new Inbox(jdbc, transactions, group, clock, tracing, dataKeyRing);
    }

    @Bean
    ConsultationTurns consultationTurns(JdbcClient jdbc) {
        return new ConsultationTurns(jdbc);
    }

    @Bean
    InboxPurge inboxPurge(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        return new InboxPurge(jdbc, clock, properties);
    }

    @Bean
    RetryThenDeadLetter retryThenDeadLetter(KafkaTemplate<byte[], byte[]> eventKafkaTemplate, KafkaAdmin admin,
                                            MessagingProperties properties,
                                            KafkaConsumersHealthIndicator kafkaConsumersHealthIndicator,
                                            StaticMembership staticMembership, MeterRegistry meters) {
        return new RetryThenDeadLetter(eventKafkaTemplate, admin, properties, kafkaConsumersHealthIndicator,
                staticMembership, meters);
    }

    /** Each consumer a static member of its group, named after this instance (DECISIONS 28). */
    @Bean
    StaticMembership staticMembership(KafkaAdmin admin,
                                      @Value("${housecall.messaging.instance-id:${HOUSECALL_INSTANCE_ID:}}")
                                      String instance) {
        return new StaticMembership(StaticMembership.instance(instance), admin);
    }

    /** {@code kafkaConsumers} in the readiness group: the service's consumers started and reached the broker. */
    @Bean
    KafkaConsumersHealthIndicator kafkaConsumersHealthIndicator() {
        return new KafkaConsumersHealthIndicator();
    }

    @Bean
    TableUpkeep tableUpkeep(JdbcClient jdbc, DataSource dataSource) {
        return new TableUpkeep(jdbc, dataSource);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc, @Value("${spring.application.name}") String module, Clock clock) {
        return new OutboxMetrics(jdbc, module, clock);
    }

    /** Every catalogue topic exists before anyone sends; contacts and keys are compacted (latest per consultation). */
    @Bean
    KafkaAdmin.NewTopics housecallTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(EventCatalog.ALL.stream().map(EventCatalog.Entry::topic).distinct()
                .map(topic -> topic(topic, properties)).toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, MessagingProperties properties) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(properties.partitions())
                .replicas(properties.replicationFactor());
        return Topics.compacted(name) ? builder.compact().build() : builder.build();
    }
}
