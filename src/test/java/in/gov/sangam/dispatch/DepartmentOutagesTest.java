package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.appeal.DepartmentOutageHistory.Outage;
import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.support.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The outages each hub node records from its circuit breakers, on H2 and on a real PostgreSQL, without Spring: real
 * resilience4j circuit breakers moved by hand, the hub's clock and the wall clock moved by the test. Each node is a
 * {@link DepartmentOutages} of its own on one database, as hub nodes are; a node that stops is one the test no longer
 * calls.
 */
class DepartmentOutagesTest {

    private static final Instant T0 = Instant.parse("2026-11-29T04:45:30Z");
    private static final Duration LOST_AFTER = Duration.ofMinutes(2);
    /** The period the appeal asks about: a day either side. */
    private static final Instant FROM = T0.minus(Duration.ofDays(1));
    private static final Instant TO = T0.plus(Duration.ofDays(1));

    static EmbeddedPostgres postgres;

    /** The hub's clock (PSGA time) and the wall clock, shared by the nodes, as their clocks agree. */
    MutableClock clock;
    MutableClock wallClock;
    SwitchableDatabase database;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aDepartmentIsDownFromItsCircuitOpeningUntilItAnswersAgain(String kind) {
        Node node = on(kind).node("node-1");
        CircuitBreaker health = node.circuitBreaker("health");
        node.health.failed("health", "answered 503");

        health.transitionToOpenState();
        assertThat(node.outages.between("health", FROM, TO)).as("going on: it ends where the period asked ends")
                .containsExactly(new Outage(T0, TO, "health answered 503"));

        clock.advance(Duration.ofHours(1));
        health.transitionToHalfOpenState();
        assertThat(node.outages.between("health", FROM, TO)).as("half-open, no answer yet: still down")
                .containsExactly(new Outage(T0, TO, "health answered 503"));

        clock.advance(Duration.ofHours(1));
        health.executeSupplier(() -> "HMIS registered it");
        assertThat(node.outages.between("health", FROM, TO))
                .containsExactly(new Outage(T0, T0.plus(Duration.ofHours(2)), "health answered 503"));
        assertThat(node.outages.between("revenue", FROM, TO)).as("another department").isEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2"})
    void aCallThatSucceedsWhileTheCircuitIsOpenDoesNotEndTheOutage(String kind) {
        Node node = on(kind).node("node-1");
        CircuitBreaker health = node.circuitBreaker("health");
        health.transitionToOpenState();

        clock.advance(Duration.ofMinutes(5));
        // A call that set out while the circuit was closed and came back after it opened: the connector sends
        // nothing now, whatever that department said.
        health.onSuccess(10, TimeUnit.MILLISECONDS);

        assertThat(node.outages.between("health", FROM, TO)).extracting(Outage::to).containsExactly(TO);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2"})
    void aRefusalIsTheDepartmentAnsweringAndEndsTheOutage(String kind) {
        Node node = on(kind).node("node-1");
        CircuitBreaker health = node.configure("health");
        health.transitionToOpenState();
        health.transitionToHalfOpenState();

        clock.advance(Duration.ofMinutes(30));
        health.onError(10, TimeUnit.MILLISECONDS, new DepartmentRefusedException("no such district (HTTP 422)"));

        assertThat(node.outages.between("health", FROM, TO)).extracting(Outage::to)
                .containsExactly(T0.plus(Duration.ofMinutes(30)));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2"})
    void aDepartmentConfiguredAnewStaysDownUntilItAnswersThroughItsNewCircuit(String kind) {
        Node node = on(kind).node("node-1");
        node.configure("health").transitionToOpenState();

        clock.advance(Duration.ofMinutes(10));
        CircuitBreaker anew = node.configure("health");
        assertThat(anew.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(node.outages.between("health", FROM, TO)).extracting(Outage::to).containsExactly(TO);

        clock.advance(Duration.ofMinutes(10));
        anew.executeSupplier(() -> "HMIS registered it");
        assertThat(node.outages.between("health", FROM, TO)).extracting(Outage::to)
                .containsExactly(T0.plus(Duration.ofMinutes(20)));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theOutageOfANodeThatStoppedEndsWhenItLastSawItDownAndSaysItsEndWasNotSeen(String kind) {
        Setup hub = on(kind);
        Node stopped = hub.node("node-1");
        stopped.health.failed("health", "could not be reached");
        stopped.circuitBreaker("health").transitionToOpenState();
        clock.advance(Duration.ofHours(3));
        wallClock.advance(Duration.ofSeconds(30));
        stopped.outages.keepAlive();
        // node-1 stops here, its circuit still open: it is never called again. It comes back as a new node.
        Node restarted = hub.node("node-2");

        wallClock.advance(LOST_AFTER.minusSeconds(1));
        clock.advance(Duration.ofHours(1));
        restarted.outages.keepAlive();
        assertThat(restarted.outages.between("health", FROM, TO)).as("node-1 may only be slow")
                .containsExactly(new Outage(T0, TO, "health could not be reached"));

        wallClock.advance(Duration.ofSeconds(2));
        restarted.outages.keepAlive();
        assertThat(restarted.outages.between("health", FROM, TO)).containsExactly(new Outage(T0,
                T0.plus(Duration.ofHours(3)), "health could not be reached" + OutagePeriods.END_NOT_SEEN));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2"})
    void aLiveNodeKeepsItsOutageGoingOnAliveAndNoOtherNodeEndsIt(String kind) {
        Setup hub = on(kind);
        Node first = hub.node("node-1");
        Node second = hub.node("node-2");
        first.circuitBreaker("health").transitionToOpenState();

        for (int minute = 1; minute <= 10; minute++) {
            wallClock.advance(Duration.ofMinutes(1));
            first.outages.keepAlive();
            second.outages.keepAlive();
        }

        assertThat(second.outages.between("health", FROM, TO)).extracting(Outage::to).containsExactly(TO);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theDepartmentIsDownWheneverAnyNodeSawItDown(String kind) {
        Setup hub = on(kind);
        Node first = hub.node("node-1");
        Node second = hub.node("node-2");
        Node idle = hub.node("node-3");
        idle.circuitBreaker("health");

        first.circuitBreaker("health").transitionToOpenState();
        clock.advance(Duration.ofMinutes(30));
        second.circuitBreaker("health").transitionToOpenState();
        clock.advance(Duration.ofMinutes(30));
        first.circuitBreaker("health").transitionToClosedState();
        clock.advance(Duration.ofMinutes(60));
        second.circuitBreaker("health").transitionToClosedState();
        clock.advance(Duration.ofMinutes(60));
        first.circuitBreaker("health").transitionToOpenState();

        assertThat(idle.outages.between("health", FROM, TO)).extracting(Outage::from, Outage::to).containsExactly(
                tuple(T0, T0.plus(Duration.ofHours(2))),
                tuple(T0.plus(Duration.ofHours(3)), TO));
        assertThat(hub.jdbc.sql("SELECT node FROM department_outage ORDER BY started_at").query(String.class).list())
                .containsExactly("node-1", "node-2", "node-1");
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2"})
    void anOutageSeenWhileTheDatabaseWasOutOfReachIsWrittenByTheNextKeepAliveWithItsOwnTimes(String kind) {
        Node node = on(kind).node("node-1");
        CircuitBreaker health = node.circuitBreaker("health");

        database.down = true;
        health.transitionToOpenState();
        clock.advance(Duration.ofHours(1));
        health.transitionToHalfOpenState();
        health.executeSupplier(() -> "HMIS registered it");
        clock.advance(Duration.ofHours(1));
        node.outages.keepAlive();
        database.down = false;
        assertThat(node.outages.between("health", FROM, TO)).isEmpty();

        clock.advance(Duration.ofHours(1));
        node.outages.keepAlive();
        assertThat(node.outages.between("health", FROM, TO)).extracting(Outage::from, Outage::to)
                .containsExactly(tuple(T0, T0.plus(Duration.ofHours(1))));
        node.outages.keepAlive();
        assertThat(node.outages.between("health", FROM, TO)).as("written once").hasSize(1);
    }

    /** The database, the clocks and the nodes of one test. */
    private Setup on(String kind) {
        clock = new MutableClock(T0, ZoneOffset.UTC);
        wallClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        DataSource migrated = switch (kind) {
            case "H2" -> new DriverManagerDataSource("jdbc:h2:mem:outages-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
            case "PostgreSQL" -> postgres.getPostgresDatabase();
            default -> throw new IllegalArgumentException(kind);
        };
        Flyway.configure().dataSource(migrated).locations("classpath:db/migration").load().migrate();
        database = new SwitchableDatabase(migrated);
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("DELETE FROM department_outage").update();
        return new Setup(jdbc);
    }

    /** One database the nodes share, on the test's clocks. */
    private final class Setup {

        final JdbcClient jdbc;
        final OutageRecords records;

        Setup(JdbcClient jdbc) {
            this.jdbc = jdbc;
            this.records = new OutageRecords(jdbc);
        }

        /** A hub node on this database, with circuit breakers and connector health of its own. */
        Node node(String name) {
            DepartmentCircuitBreakers circuitBreakers = new DepartmentCircuitBreakers();
            ConnectorHealth health = new ConnectorHealth();
            return new Node(circuitBreakers, health, new DepartmentOutages(records, circuitBreakers, health, clock,
                    wallClock, LOST_AFTER, name));
        }
    }

    /** One hub node: its own circuit breakers, connector health and outages. */
    private record Node(DepartmentCircuitBreakers circuitBreakers, ConnectorHealth health, DepartmentOutages outages) {

        CircuitBreaker circuitBreaker(String department) {
            return circuitBreakers.circuitBreaker(department);
        }

        /** The department's circuit breaker as the hub configures it from connector.yaml (refusals ignored). */
        CircuitBreaker configure(String department) {
            try {
                return circuitBreakers.configure(ConnectorSettings.of(new CatalogueDepartment(department, department,
                        List.of(), Map.of(), new ObjectMapper(new YAMLFactory()).readTree(
                                "protocol: rest\nendpoint: http://localhost:1\n")), new MockEnvironment()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A database the test can put out of reach: every connection asked for is refused while it is down. */
    static final class SwitchableDatabase extends DelegatingDataSource {

        volatile boolean down;

        SwitchableDatabase(DataSource database) {
            super(database);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("The database is out of reach (as the test wants)");
            }
            return super.getConnection();
        }
    }
}
