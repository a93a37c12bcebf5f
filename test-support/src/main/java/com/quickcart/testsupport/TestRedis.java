package com.quickcart.testsupport;

/**
 * The Redis a test uses: {@code QC_TEST_REDIS_URL} when set, else a container when
 * {@link TestInfrastructure} chose containers, else the local server on 127.0.0.1:6379.
 */
public final class TestRedis {

    public static String url() {
        String external = System.getenv("QC_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return TestInfrastructure.source() == TestInfrastructure.Source.CONTAINERS ? Containers.redisUrl() : "redis://127.0.0.1:6379";
    }

    private TestRedis() {
    }
}
