package com.quickcart.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Nothing of QuickCart: what Spring Boot, Tomcat, Hikari, Liquibase and the Kafka client cost
 * on their own, so a service's start time and memory can be read against it.
 */
@SpringBootApplication
public class BareServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareServiceApplication.class, args);
    }
}
