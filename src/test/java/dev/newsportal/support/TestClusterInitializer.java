package dev.newsportal.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the portal at the shared test node, so no test context starts a node of its own. */
public class TestClusterInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "portal.elasticsearch.uris=" + TestCluster.get().uri(),
                "portal.data-dir=target/it-portal-data"
        ).applyTo(context.getEnvironment());
    }
}
