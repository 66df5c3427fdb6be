package com.housecall.console;

import com.housecall.messaging.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The operators' view: a live redacted event stream, consultation timelines, dead letters and the /ops/ page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OperatorConsoleApplication {

    public static void main(String[] args) {
        ServiceLauncher.run(OperatorConsoleApplication.class, "operator-console", args);
    }
}
