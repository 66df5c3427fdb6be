package com.housecall.notification;

import com.housecall.messaging.ServiceLauncher;
import com.housecall.notification.schedule.QuietHours;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Patient messages: contacts in, booking events in, each message sent once, notification events out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(NotificationApplication.class, "notification-service", args);
    }

    @Bean
    QuietHours quietHours(NotificationProperties properties) {
        return properties.quietHours().rules();
    }
}
