package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.testapp.BookingEventsConsumer;
import com.housecall.messaging.testapp.ExportedSpans;
import com.housecall.messaging.testapp.HandlerSpans;
import com.housecall.messaging.testapp.TestApps;
import com.housecall.messaging.testapp.Things;
import com.housecall.testsupport.TopicRecorder;
import com.housecall.testsupport.TopicRecorder.Received;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One trace across the outbox: an event appended in a span leaves the relay with that trace's traceparent and the
 * correlation id; the consumer's handler runs in a child span, and what it appends carries the same trace on.
 */
class EventTracingIT {

    private static ConfigurableApplicationContext app;
    private static TopicRecorder topics;
    private static Things things;
    private static Tracer tracer;

    @BeforeAll
    static void start() {
        app = TestApps.start(TestApps.freshSettings());
        things = app.getBean(Things.class);
        tracer = app.getBean(Tracer.class);
        topics = TopicRecorder.start(Topics.BOOKING_EVENTS, Topics.SCREENING_EVENTS);
    }

    @AfterAll
    static void stop() {
        TestApps.close(topics, app);
    }

    @Test
    void aTraceAndItsCorrelationIdGoThroughTheOutboxToTheConsumerAndOn() {
        UUID consultation = UUID.randomUUID();
        String correlationId = UUID.randomUUID().toString();
        Span request = tracer.nextSpan().name("POST /api/consultations").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            MDC.put(EventTrace.MDC_CORRELATION_ID, correlationId);
            things.request(requested(consultation));
        } finally {
            MDC.remove(EventTrace.MDC_CORRELATION_ID);
            request.end();
        }
        String traceId = request.context().traceId();

        Received sent = topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED,
                consultation.toString());
        assertThat(traceIdOf(sent)).isEqualTo(traceId);
        assertThat(spanIdOf(sent)).as("the relay's send span, not the request's").isNotEqualTo(
                request.context().spanId());
        assertThat(sent.header(EventTrace.CORRELATION_ID)).isEqualTo(correlationId);

        HandlerSpans handlerSpans = app.getBean(HandlerSpans.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> handlerSpans.of(consultation) != null);
        TraceContext handler = handlerSpans.of(consultation);
        assertThat(handler.traceId()).isEqualTo(traceId);
        assertThat(handler.parentId()).as("a child of the record's traceparent").isEqualTo(spanIdOf(sent));

        Received followUp = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_STARTED,
                consultation.toString());
        assertThat(traceIdOf(followUp)).isEqualTo(traceId);
        assertThat(followUp.header(EventTrace.CORRELATION_ID)).isEqualTo(correlationId);
    }

    @Test
    void anEventAppendedOutsideATraceStartsOneAndACorrelationIdThatIsNoUuidStaysBehind() {
        UUID consultation = UUID.randomUUID();
        MDC.put(EventTrace.MDC_CORRELATION_ID, "client-chosen-id");
        try {
            things.request(requested(consultation));
        } finally {
            MDC.remove(EventTrace.MDC_CORRELATION_ID);
        }

        Received sent = topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED,
                consultation.toString());
        assertThat(sent.header(EventTrace.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(sent.headers()).doesNotContainKey(EventTrace.CORRELATION_ID);
        Received followUp = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_STARTED,
                consultation.toString());
        assertThat(traceIdOf(followUp)).isEqualTo(traceIdOf(sent));
    }

    @Test
    void aLaterRequestStartsItsOwnTraceLinkedToTheConsultationsFirst() {
        UUID consultation = UUID.randomUUID();
        Span first = tracer.nextSpan().name("POST /api/consultations").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(first)) {
            things.request(requested(consultation, "PATIENT"));
        } finally {
            first.end();
        }
        Span later = tracer.nextSpan().name("POST /api/screenings/{id}/decision").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(later)) {
            things.request(requested(consultation, "CLINICIAN"));
        } finally {
            later.end();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> topics.matching(record -> consultation.toString()
                .equals(record.key())).size() == 2);
        List<Received> sent = topics.matching(record -> consultation.toString().equals(record.key()));
        assertThat(traceIdOf(sent.get(0))).isEqualTo(first.context().traceId());
        assertThat(traceIdOf(sent.get(1))).as("the later request's own trace").isEqualTo(later.context().traceId());
        ExportedSpans exported = app.getBean(ExportedSpans.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> exported.named("continue consultation").stream()
                .anyMatch(span -> span.getTraceId().equals(later.context().traceId())));
        SpanData link = exported.named("continue consultation").stream()
                .filter(span -> span.getTraceId().equals(later.context().traceId())).findFirst().orElseThrow();
        assertThat(link.getLinks()).extracting(linked -> linked.getSpanContext().getTraceId())
                .containsExactly(first.context().traceId());
        assertThat(exported.named("continue consultation")).as("events of the first trace need no link")
                .noneMatch(span -> span.getTraceId().equals(first.context().traceId()));
    }

    @Test
    void everyTraceIsSampledLogsAreJsonAndNothingIsExportedUnlessAsked() {
        assertThat(app.getBeanNamesForType(OtlpHttpSpanExporter.class)).as("OTLP export is off by default").isEmpty();
        assertThat(app.getEnvironment().getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(app.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(app.getEnvironment().getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
    }

    private static ConsultationRequested requested(UUID consultation) {
        return requested(consultation, BookingEventsConsumer.TRACED_SOURCE);
    }

    private static ConsultationRequested requested(UUID consultation, String source) {
        return new ConsultationRequested(consultation, source, "OR", "972", "America/Los_Angeles",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code 00-<trace id>-<span id>-<flags>} */
    private static String traceIdOf(Received record) {
        return record.header(EventTrace.TRACEPARENT).split("-")[1];
    }

    private static String spanIdOf(Received record) {
        return record.header(EventTrace.TRACEPARENT).split("-")[2];
    }
}
