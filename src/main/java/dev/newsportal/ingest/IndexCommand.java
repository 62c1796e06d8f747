package dev.newsportal.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.newsportal.elastic.ClusterReady;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar newsportal.jar index PATH... [--name=SOURCE]}: indexes folders or .jsonl/.json
 * files into the live index of the configured cluster, or of the embedded node (the running
 * portal's, or one started just for this command). Exit code 0 when every file was indexed,
 * 1 when some were skipped or failed, 2 when the job failed.
 */
public final class IndexCommand {

    private IndexCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out) throws Exception {
        List<String> paths = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        String name = null;
        for (String arg : args) {
            if (arg.startsWith("--name=")) {
                name = arg.substring("--name=".length());
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                paths.add(arg);
            }
        }
        if (paths.isEmpty()) {
            out.println("usage: index PATH... [--name=SOURCE] [--portal.elasticsearch.uris=...]");
            return 2;
        }
        List<IngestProperties.Source> sources = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                out.println("No such file or folder: " + path);
                return 2;
            }
            String fileName = path.getFileName().toString();
            sources.add(new IngestProperties.Source(name != null ? name : fileName.replaceFirst("\\.(jsonl|json)$", ""), path));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("portal.ingest.index-on-first-start=false", "portal.admin.mark-interrupted=false",
                        // recognition is the portal's background work: the command ends when the text is searchable
                        "portal.entities.enabled=false", "spring.main.banner-mode=off")
                .run(springArgs.toArray(String[]::new))) {
            ClusterReady.await(context);
            IngestJob.Status status = context.getBean(IngestService.class).update(sources);
            out.printf("%s: %d files, %d indexed, %d skipped, %d failed in %d ms%n", status.outcome(),
                    status.filesSeen(), status.indexed(), status.skipped(), status.failed(), status.elapsedMillis());
            status.problems().forEach(p -> out.println("  " + p.locator() + ": " + p.reason()));
            if (status.message() != null) {
                out.println(status.message());
            }
            if (status.indexed() > 0) {
                out.println("Persons and companies: recognised in the background by the portal (when it runs).");
            }
            return switch (status.outcome()) {
                case SUCCEEDED -> status.skipped() + status.failed() == 0 ? 0 : 1;
                default -> 2;
            };
        }
    }
}
