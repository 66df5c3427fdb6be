package com.housecall.dispatch;

import com.housecall.messaging.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DispatchApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(DispatchApplication.class, "dispatch-service", args);
    }
}
