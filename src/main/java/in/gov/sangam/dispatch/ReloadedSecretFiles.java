package in.gov.sangam.dispatch;

import in.gov.sangam.catalogue.CatalogueDepartment;
import java.util.List;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.stereotype.Component;

/**
 * Secrets kept as files are read again when the department folders are reloaded, so that a department added without
 * a restart finds the secrets put there for it. The files are a config tree, one file per variable, as Kubernetes
 * and Docker mount secrets: {@code spring.config.import=optional:configtree:/run/secrets/}. The variables of the
 * process's own environment cannot change while it runs; files can.
 */
@Component
// First: whoever else takes part (the demo, which gives its simulated departments the secrets nobody set) sees the
// secret files as they are now.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReloadedSecretFiles implements DepartmentsReloading {

    private final ConfigurableEnvironment environment;

    ReloadedSecretFiles(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void resolving(List<CatalogueDepartment> departments) {
        MutablePropertySources sources = environment.getPropertySources();
        List<ConfigTreePropertySource> trees = sources.stream().filter(ConfigTreePropertySource.class::isInstance)
                .map(ConfigTreePropertySource.class::cast).toList();
        // Read as Spring Boot reads a config tree at start-up: a value's trailing new line is not part of it.
        trees.forEach(tree -> sources.replace(tree.getName(), new ConfigTreePropertySource(tree.getName(),
                tree.getSource(), ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE)));
    }
}
