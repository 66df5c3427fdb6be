package com.housecall.console.events;

import tools.jackson.databind.node.ObjectNode;

/** One event as operators see it; {@code data} is already redacted. */
public record StoredEvent(long seq, String id, String type, String source, String time, String subject,
                          ObjectNode data) {

    /** The SSE {@code data} and timeline item: {@code {"id","type","source","time","subject","data"}}. */
    public ObjectNode view() {
        ObjectNode view = data.objectNode();
        view.put("id", id);
        view.put("type", type);
        view.put("source", source);
        view.put("time", time);
        view.put("subject", subject);
        view.set("data", data);
        return view;
    }
}
