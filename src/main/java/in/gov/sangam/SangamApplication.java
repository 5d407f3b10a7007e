package in.gov.sangam;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Sangam integration hub: one portal API in front of every department's legacy system. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SangamApplication {

    public static void main(String[] args) {
        SpringApplication.run(SangamApplication.class, args);
    }
}
