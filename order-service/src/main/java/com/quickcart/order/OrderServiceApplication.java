package com.quickcart.order;

import org.springframework.boot.SpringApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderServiceApplication {

    /** The service's own config file ({@code order-service.yml}): all five services can share one classpath in tests. */
    public static final String CONFIG_NAME = "order-service";

    public static void main(String[] args) {
        application(Map.of()).run(args);
    }

    /** The application with extra lowest-precedence settings (tests pass their infrastructure here). */
    public static SpringApplication application(Map<String, Object> defaults) {
        Map<String, Object> properties = new HashMap<>(defaults);
        properties.put("spring.config.name", CONFIG_NAME);
        SpringApplication application = new SpringApplication(OrderServiceApplication.class);
        application.setDefaultProperties(properties);
        return application;
    }
}
