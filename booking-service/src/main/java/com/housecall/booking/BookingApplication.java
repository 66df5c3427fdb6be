package com.housecall.booking;

import com.housecall.messaging.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BookingApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(BookingApplication.class, "booking-service", args);
    }
}
