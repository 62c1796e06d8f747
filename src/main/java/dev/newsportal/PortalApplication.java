package dev.newsportal;

import java.util.Arrays;

import dev.newsportal.bench.BenchmarkCommand;
import dev.newsportal.ingest.IndexCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("index")) {
            System.exit(IndexCommand.run(PortalApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            System.exit(BenchmarkCommand.run(PortalApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
