package in.gov.sangam.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.HierarchicalObjectRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The broker.xml operators are told to use for the external broker ({@code ops/artemis/broker.xml}) declares what
 * the hub's embedded broker declares for itself: every address and queue of the catalogue's departments, the
 * completion events and the dead letters, and the same redelivery, dead-letter and expiry settings for each. A
 * department added to the catalogue without its queue in broker.xml fails here, as does a redelivery setting changed
 * on one side only. The fault tests run the hub against a broker started from that same file.
 */
class BrokerXmlTest {

    private static final Path BROKER_XML = Path.of("ops", "artemis", "broker.xml");

    @Test
    void theExternalBrokerDeclaresEveryAddressOfTheEmbeddedOne() throws Exception {
        Configuration embedded = embedded();
        Configuration external = external();

        assertThat(addresses(external)).containsAllEntriesOf(addresses(embedded));
    }

    @Test
    void theExternalBrokerRetriesAndGivesUpAsTheEmbeddedOneDoes() throws Exception {
        Configuration embedded = embedded();
        Configuration external = external();

        for (CoreAddressConfiguration address : embedded.getAddressConfigurations()) {
            assertThat(retries(external, address.getName())).as(address.getName())
                    .isEqualTo(retries(embedded, address.getName()));
        }
    }

    @Test
    void theExternalBrokerKeepsWhatItConfirmedAndRemembersDuplicatesAcrossARestart() throws Exception {
        Configuration external = external();

        assertThat(external.isPersistenceEnabled()).isTrue();
        assertThat(external.isJournalDatasync()).isTrue();
        // The outbox relay's _AMQ_DUPL_ID: a message published again after a restart of the broker is still dropped.
        assertThat(external.isPersistIDCache()).isTrue();
        assertThat(external.getIDCacheSize()).isGreaterThanOrEqualTo(20_000);
    }

    /** What the hub's embedded broker is given, for the catalogue the hub ships and its application.yaml. */
    private static Configuration embedded() throws Exception {
        BrokerProperties broker = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yaml"))))
                .bind("sangam.broker", BrokerProperties.class).get();
        Catalogue catalogue = new Catalogue(new CatalogueLoader().load("classpath*:connectors"));
        // What the dispatch package declares (DispatchQueueNames): a queue per department of the catalogue.
        QueueNames dispatchQueues = () -> catalogue.departments().stream().map(CatalogueDepartment::code)
                .map(Addresses::dispatch).toList();
        Configuration configuration = new ConfigurationImpl();
        new EmbeddedBrokerConfiguration().sangamAddresses(List.of(dispatchQueues), broker).customize(configuration);
        return configuration;
    }

    private static Configuration external() throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        new FileDeploymentManager(BROKER_XML.toUri().toString()).addDeployable(configuration).readConfiguration();
        return configuration;
    }

    /** Each address with its routing types and its queues (name, routing type, durable). */
    private static Map<String, String> addresses(Configuration configuration) {
        Map<String, String> addresses = new TreeMap<>();
        for (CoreAddressConfiguration address : configuration.getAddressConfigurations()) {
            List<String> queues = new ArrayList<>();
            for (QueueConfiguration queue : address.getQueueConfigs()) {
                queues.add(queue.getName() + " " + queue.getRoutingType() + (queue.isDurable() ? " durable" : ""));
            }
            queues.sort(null);
            addresses.put(address.getName(), address.getRoutingTypes() + " " + queues);
        }
        return addresses;
    }

    /** The settings that apply to an address, merged from every match as the broker merges them. */
    private static String retries(Configuration configuration, String address) {
        HierarchicalObjectRepository<AddressSettings> repository =
                new HierarchicalObjectRepository<>(configuration.getWildcardConfiguration());
        repository.setDefault(new AddressSettings());
        configuration.getAddressSettings().forEach(repository::addMatch);
        AddressSettings settings = repository.getMatch(address);
        return "redelivery-delay " + settings.getRedeliveryDelay()
                + ", multiplier " + settings.getRedeliveryMultiplier()
                + ", max-redelivery-delay " + settings.getMaxRedeliveryDelay()
                + ", max-delivery-attempts " + settings.getMaxDeliveryAttempts()
                + ", dead-letter-address " + settings.getDeadLetterAddress()
                + ", expiry-address " + settings.getExpiryAddress();
    }
}
