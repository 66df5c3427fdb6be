package com.housecall.screening.safety;

import com.housecall.messaging.BatchPoller;
import com.housecall.screening.ScreeningProperties;
import org.springframework.stereotype.Component;

/**
 * Raises safety alerts again when they are due. The due times live in the database, so a restart loses no
 * repeat.
 */
@Component
class SafetyAlertRepeater extends BatchPoller {

    private final SafetyAlerts alerts;

    SafetyAlertRepeater(SafetyAlerts alerts, ScreeningProperties properties) {
        super("safety-alert-repeater", properties.alertPollInterval(), SafetyAlerts.BATCH_SIZE, true);
        this.alerts = alerts;
    }

    @Override
    protected int runBatch() {
        return alerts.repeatDue();
    }
}
