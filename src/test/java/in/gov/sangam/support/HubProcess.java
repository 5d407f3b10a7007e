package in.gov.sangam.support;

import in.gov.sangam.SangamApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole hub started and stopped by a test, so that it can be restarted on the same data directory. */
public final class HubProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private HubProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static HubProcess start(Path dataDir, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--sangam.data-dir=" + dataDir,
                "--sangam.simulators.any-free-port=true"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new HubProcess(new SpringApplicationBuilder(SangamApplication.class).run(args.toArray(String[]::new)));
    }

    public HubClient client() {
        return new HubClient(port());
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
