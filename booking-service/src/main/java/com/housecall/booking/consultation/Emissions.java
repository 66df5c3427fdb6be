package com.housecall.booking.consultation;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Consultation} emitted since it was loaded: its events in order, the timeline lines they make
 * (those on shared topics) with the events it heard from other services, and fresh PHQ-9 answers to keep.
 * {@link Consultations#save} writes them all.
 */
final class Emissions {

    /** An event to send, with the moment it happened. */
    record Registered(ConsultationEvent event, Instant at) {
    }

    /** A line of the timeline: the event's type and when. */
    record Line(String eventType, String at) {
    }

    private final List<Registered> events = new ArrayList<>();
    private final List<Line> timeline = new ArrayList<>();
    private final List<Phq9Submission> submissions = new ArrayList<>();

    void register(ConsultationEvent event, Instant at) {
        events.add(new Registered(event, at));
        EventCatalog.Entry entry = EventCatalog.of(event);
        if (!Topics.carriesPhi(entry.topic())) {
            timeline.add(new Line(entry.type(), at.toString()));
        }
    }

    void submitted(Phq9Submission submission) {
        submissions.add(submission);
    }

    void heard(String eventType, String at) {
        timeline.add(new Line(eventType, at));
    }

    List<Registered> events() {
        return List.copyOf(events);
    }

    List<Line> timeline() {
        return List.copyOf(timeline);
    }

    List<Phq9Submission> submissions() {
        return List.copyOf(submissions);
    }

    void clear() {
        events.clear();
        timeline.clear();
        submissions.clear();
    }
}
