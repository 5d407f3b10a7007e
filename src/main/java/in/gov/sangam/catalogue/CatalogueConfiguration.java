package in.gov.sangam.catalogue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueConfiguration.class);

    @Bean
    Catalogue catalogue(@Value("${sangam.catalogue.location}") String location) {
        long started = System.nanoTime();
        Catalogue catalogue = new Catalogue(new CatalogueLoader().load(location));
        LOG.info("Catalogue loaded from {}: {} departments, {} services in {} ms", location,
                catalogue.departments().size(), catalogue.size(), (System.nanoTime() - started) / 1_000_000);
        return catalogue;
    }
}
