package com.housecall.messaging.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service as small as can be on the messaging module: one consumer, one outbox-writing method. */
@SpringBootApplication
public class TestApp {
}
