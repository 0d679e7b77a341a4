package dev.patron.host.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.AtOnce;
import dev.patron.host.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one database, each with its own store and leases, as two servers would be. */
class LeasesTest {

    @TempDir
    Path dir;
    private ScratchDatabase db;
    private Store storeA;
    private Store storeB;
    private Leases a;
    private Leases b;

    @BeforeEach
    void open(ScratchDatabase.Kind kind) {
        db = ScratchDatabase.create(kind, dir);
        storeA = db.migrated();
        storeB = db.open();
        a = new Leases(storeA, Clock.systemUTC(), "instance-a");
        b = new Leases(storeB, Clock.systemUTC(), "instance-b");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        storeA.close();
        storeB.close();
        db.close();
    }

    @BothStores
    void aHeldLeaseIsRefusedToAnotherInstanceUntilReleased() {
        Optional<Leases.Lease> first = a.tryAcquire("job:loyalty/expiry", Duration.ofMinutes(2));

        assertThat(first).isPresent();
        assertThat(b.tryAcquire("job:loyalty/expiry", Duration.ofMinutes(2))).isEmpty();
        assertThat(b.holder("job:loyalty/expiry")).hasValueSatisfying(h -> assertThat(h.owner()).isEqualTo("instance-a"));
        assertThat(b.tryAcquire("job:loyalty/other", Duration.ofMinutes(2))).isPresent();

        first.get().close();

        assertThat(b.holder("job:loyalty/expiry")).isEmpty();
        assertThat(b.tryAcquire("job:loyalty/expiry", Duration.ofMinutes(2))).isPresent();
    }

    @BothStores
    void anExpiredLeaseIsTakenOverAndItsLateHolderCannotReleaseIt() {
        Leases later = new Leases(storeB, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3)), "instance-b");
        try {
            Leases.Lease stale = a.tryAcquire("scoring-run", Duration.ofMinutes(2)).orElseThrow();

            Optional<Leases.Lease> taken = later.tryAcquire("scoring-run", Duration.ofMinutes(2));
            stale.close();

            assertThat(taken).isPresent();
            assertThat(later.holder("scoring-run")).hasValueSatisfying(h -> assertThat(h.owner()).isEqualTo("instance-b"));
        } finally {
            later.close();
        }
    }

    @BothStores
    void aHolderRenewsItsLeaseWhileItWorks() {
        Leases.Lease lease = a.tryAcquire("job:churn/sweep", Duration.ofMillis(600)).orElseThrow();
        Instant firstExpiry = a.holder("job:churn/sweep").orElseThrow().expiresAt();

        Eventually.until(Duration.ofSeconds(10), "a renewal of the lease",
                () -> a.holder("job:churn/sweep").map(h -> h.expiresAt().isAfter(firstExpiry)).orElse(false));

        assertThat(b.tryAcquire("job:churn/sweep", Duration.ofMillis(600))).isEmpty();
        assertThat(lease.lost()).isFalse();
        lease.close();
    }

    @BothStores
    void twoInstancesRacingForOneLeaseGetItOnceBetweenThem() {
        for (int round = 0; round < 20; round++) {
            String name = "race-" + round;
            List<Boolean> won = AtOnce.run(List.of(() -> a.tryAcquire(name, Duration.ofMinutes(1)).isPresent(),
                    () -> b.tryAcquire(name, Duration.ofMinutes(1)).isPresent()));

            assertThat(won).as("who got " + name).containsExactlyInAnyOrder(true, false);
        }
    }
}
