package com.housecall.screening;

import com.housecall.messaging.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScreeningApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(ScreeningApplication.class, "screening-service", args);
    }
}
