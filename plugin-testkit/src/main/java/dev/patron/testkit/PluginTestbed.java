package dev.patron.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.patron.api.PatronPlugin;
import dev.patron.api.PluginContext;
import dev.patron.api.alerts.Severity;
import dev.patron.api.data.PluginStore;
import dev.patron.api.data.RowMapper;
import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import dev.patron.api.exports.DataExport;
import dev.patron.api.exports.ExportRequest;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Population;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import dev.patron.host.demo.DemoShop;
import dev.patron.host.exports.ExportCatalogue;
import dev.patron.host.exports.Exporter;
import dev.patron.host.exports.RefusedRowException;
import dev.patron.host.plugins.PluginCalls;
import dev.patron.host.plugins.PluginExtension;
import dev.patron.host.plugins.PluginMigrations;
import dev.patron.host.plugins.SettingsValidator;
import dev.patron.host.plugins.data.HostAlerts;
import dev.patron.host.plugins.data.HostPluginStore;
import dev.patron.host.plugins.data.JdbcPluginDatabase;
import dev.patron.host.scoring.ModelJson;
import dev.patron.host.scoring.ScoreRepository;
import dev.patron.host.scoring.ScoreRow;
import dev.patron.host.scoring.SummaryPopulation;
import dev.patron.host.scoring.SummaryReader;
import dev.patron.host.shop.Customer;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderOutcome;
import dev.patron.host.shop.Refund;
import dev.patron.host.shop.RefundOutcome;
import dev.patron.host.shop.ShopRepository;
import dev.patron.host.store.MigrationScanner;
import dev.patron.host.store.Migrator;
import dev.patron.host.store.Store;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pf4j.ExtensionPoint;

/**
 * Runs a plugin's pieces against a real, temporary Patron store (SQLite, migrated with the host's
 * schema) through the host's own code: customers, orders and refunds are written by the host's
 * shop repository with its rules (orders idempotent by id, refunds never more than what was
 * paid), summaries are built by the host's one-pass summary reader, migrations are applied and
 * checked by the host's migrator, and the plugin reads and writes through the host's
 * {@code PluginDatabase}, {@code PluginStore} and {@code Alerts}. A test therefore exercises the
 * same code paths as production, in a few lines:
 *
 * <pre>{@code
 * @Test
 * void classifiesByAverageBasket(@TempDir Path dir) {
 *     try (PluginTestbed bed = PluginTestbed.forPlugin("basket-size").settings(Map.of("tiers.large", "100.00")).start(dir)) {
 *         bed.migrate();
 *         bed.customer("c-1", Map.of("role", "owner"));
 *         bed.order("o-1", "c-1", "2026-01-02T10:00:00Z", 129_90);
 *         bed.refund("r-1", "o-1", 20_00, "2026-01-05T09:00:00Z");
 *         Map<String, List<Score>> scores = bed.score(bed.extension(BasketSizeScorer.class), LocalDate.parse("2026-06-30"));
 *         bed.deliver(bed.extension(PremiumBasketAlerts.class));
 *         List<String> ids = bed.query("SELECT order_id FROM basket_size_premium_orders", row -> row.text("order_id"));
 *     }
 * }
 * }</pre>
 *
 * <p><b>The contract.</b>
 * <ul>
 *   <li>The store lives in one SQLite file in the folder given to {@link Builder#start(Path)} (use
 *       JUnit's {@code @TempDir}), or in a folder of its own that {@link #close()} deletes. With the
 *       environment variable {@code PATRON_TESTKIT_STORE=postgresql} it lives instead in a schema
 *       of its own in the PostgreSQL database {@code PATRON_TEST_PG_URL} names, dropped on
 *       {@link #close()}: run the same tests both ways to prove the plugin's SQL on both stores.</li>
 *   <li>Time stands still: the plugin's clock reads {@link #DEFAULT_NOW} (or
 *       {@link Builder#now(Instant)}) until {@link #setTime} or {@link #advanceTime} moves it.
 *       "Today" is that instant's day in the shop zone (UTC unless {@link Builder#zone}).</li>
 *   <li>Amounts are minor units of the shop currency (USD unless {@link Builder#currency}).</li>
 *   <li>Every customer, order and refund written is also recorded as the event the host would
 *       deliver for it ({@link CustomerUpserted}, {@link OrderPlaced}, {@link OrderRefunded});
 *       {@link #deliver} hands the recorded events to event handlers, in one write transaction,
 *       each handler under its own savepoint and time limit, exactly as the host does.</li>
 *   <li>Where a plugin breaks a rule of the API that the compiler cannot check (a scorer returns
 *       null or two scores with one name, an extension is missing from PF4J's index, a migration
 *       creates a table without the plugin's prefix), the testbed fails the test with a message
 *       that names the rule and the fix.</li>
 *   <li>Methods take and return plugin-API and testkit types only, never host classes, so tests
 *       keep compiling as the host changes. A testbed is for one test and one thread.</li>
 * </ul>
 */
public final class PluginTestbed implements AutoCloseable {

    /** What the plugin's clock reads unless the builder or the test says otherwise. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-06-30T12:00:00Z");

    /** How long one event handler call may take; the host's limit. */
    public static final Duration DEFAULT_EVENT_TIME_LIMIT = Duration.ofSeconds(5);

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final int DEMO_CHUNK = 2_000;

    private final String pluginId;
    private final Store store;
    private final TestbedDatabase database;
    private final Path ownedFolder;
    private final TestClock clock;
    private final ZoneId zone;
    private final Currency currency;
    private final ClassLoader classLoader;
    private final Duration eventTimeLimit;
    private final TestPluginContext context;
    private final PluginStore pluginStore;
    private final PluginCalls calls = new PluginCalls();
    private final ShopRepository shop = new ShopRepository();
    private final ScoreRepository scores = new ScoreRepository();
    private final SummaryReader summaries;
    private final List<Object> pending = new ArrayList<>();
    private final List<PatronPlugin> startedPlugins = new ArrayList<>();
    private boolean closed;

    private PluginTestbed(Builder b, Store store, TestbedDatabase database, Path ownedFolder) {
        this.database = database;
        this.pluginId = b.pluginId;
        this.store = store;
        this.ownedFolder = ownedFolder;
        this.zone = b.zone;
        this.currency = b.currency;
        this.clock = new TestClock(b.now, b.zone);
        this.classLoader = b.classLoader != null ? b.classLoader : defaultClassLoader();
        this.eventTimeLimit = b.eventTimeLimit;
        this.summaries = new SummaryReader(zone);
        this.pluginStore = new HostPluginStore(store, pluginId);
        this.context = new TestPluginContext(pluginId, b.version, clock, zone, currency, b.settings, pluginStore,
                new HostAlerts(pluginId, clock));
    }

    /** Starts describing a testbed for the plugin with this id (the manifest's {@code Plugin-Id}). */
    public static Builder forPlugin(String pluginId) {
        Objects.requireNonNull(pluginId, "pluginId");
        if (!PLUGIN_ID.matcher(pluginId).matches()) {
            throw new IllegalArgumentException("plugin id '" + pluginId + "' is not valid: use 2 to 40 lower-case letters,"
                    + " digits and '-', starting with a letter, e.g. basket-size");
        }
        return new Builder(pluginId);
    }

    // ----------------------------------------------------------------------------------------
    // The plugin's view

    /** The plugin id under test. */
    public String pluginId() {
        return pluginId;
    }

    /** The context to construct the plugin's classes with, as the host would. */
    public PluginContext context() {
        return context;
    }

    /** The plugin's database access outside event handlers (the host's implementation). */
    public PluginStore store() {
        return pluginStore;
    }

    /**
     * Constructs the plugin's {@code Plugin-Class} as the host does (a public constructor taking a
     * {@link PluginContext}) and calls its {@code start()}; {@link #close()} calls {@code stop()}.
     */
    public <P extends PatronPlugin> P plugin(Class<P> pluginClass) {
        P plugin;
        try {
            Constructor<P> constructor = pluginClass.getConstructor(PluginContext.class);
            plugin = constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fail(pluginClass.getName() + " needs a public constructor taking a PluginContext; the host constructs the"
                    + " Plugin-Class with it");
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            return fail("cannot construct " + pluginClass.getName() + ": " + e + "; make the class and its constructor public");
        }
        plugin.start();
        startedPlugins.add(plugin);
        return plugin;
    }

    /**
     * Constructs an extension as the host does: with its public {@link PluginContext} constructor
     * if it has one, else with its public no-argument constructor. Fails the test when the class is
     * not listed in PF4J's index ({@code META-INF/extensions.idx}, written by PF4J's annotation
     * processor for classes marked {@code @Extension}) or in a {@code META-INF/services} file:
     * the host would never find it.
     */
    public <E> E extension(Class<E> extensionClass) {
        if (!ExtensionPoint.class.isAssignableFrom(extensionClass)) {
            return fail(extensionClass.getName() + " implements no PF4J extension point; implement one of Scorer,"
                    + " ShopEventHandler, SettingsSchema, WebContribution, HealthCheck, ScheduledJob, RunListener or DataExport");
        }
        if (!isIndexed(extensionClass)) {
            return fail(extensionClass.getName() + " is not in META-INF/extensions.idx, so the host would not find it: mark it"
                    + " with @org.pf4j.Extension and run PF4J's annotation processor (pf4j in the maven-compiler-plugin's"
                    + " annotationProcessorPaths)");
        }
        try {
            try {
                return extensionClass.getConstructor(PluginContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return extensionClass.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            return fail(extensionClass.getName() + " needs a public constructor taking a PluginContext, or none");
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            return fail("cannot construct " + extensionClass.getName() + ": " + e + "; make the class and its constructor public");
        }
    }

    /** Replaces the plugin's settings; the plugin's {@code context().settings()} shows them at once. */
    public PluginTestbed settings(Map<String, String> values) {
        context.replaceSettings(values);
        return this;
    }

    /**
     * Submits settings as the console's settings form and {@code PUT /api/v1/plugins/<id>/settings}
     * do, through the host's own validator: {@code values} are overlaid on the stored settings,
     * every value is checked against its {@link dev.patron.api.settings.SettingField} (known keys
     * only, type, bounds, choices) and normalised, then the complete set, defaults filled in, goes
     * through {@link SettingsSchema#validate}. Only when there is no problem is the complete set
     * stored and {@link SettingsSchema#changed} called.
     *
     * @return one message per problem ({@code key: what is wrong} for a field); empty when the
     *     settings were stored
     */
    public List<String> configure(SettingsSchema schema, Map<String, String> values) {
        List<SettingField> fields = schema.fields();
        if (fields == null) {
            return fail(schema.getClass().getName() + ".fields returned null; return the list of settings, or an empty list");
        }
        SettingsValidator.Result checked = new SettingsValidator(currency).validate(fields, values, context.settings().asMap());
        List<String> problems = new ArrayList<>();
        checked.errors().forEach(e -> problems.add(e.field() + ": " + e.message()));
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> whole = schema.validate(checked.values());
        if (whole == null) {
            return fail(schema.getClass().getName() + ".validate returned null; return an empty list when the settings are valid");
        }
        if (whole.isEmpty()) {
            context.replaceSettings(checked.values());
            schema.changed(context.settings());
        }
        return List.copyOf(whole);
    }

    // ----------------------------------------------------------------------------------------
    // Time

    /** The instant the plugin's clock reads. */
    public Instant now() {
        return clock.instant();
    }

    /** Today in the shop zone: the default as-of date of scoring. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Moves the plugin's clock to {@code instant}. */
    public PluginTestbed setTime(Instant instant) {
        clock.set(instant);
        return this;
    }

    /** Moves the plugin's clock to an ISO-8601 instant such as {@code 2026-07-01T08:00:00Z}. */
    public PluginTestbed setTime(String instant) {
        return setTime(instant(instant, "time"));
    }

    /** Moves the plugin's clock forward (or back, with a negative duration). */
    public PluginTestbed advanceTime(Duration duration) {
        clock.advance(duration);
        return this;
    }

    // ----------------------------------------------------------------------------------------
    // Migrations

    /**
     * Applies the plugin's migrations ({@code db/<plugin id>/V001__name.sql} on the test class
     * path, normally from {@code src/main/resources}) with the host's migrator: each once, in
     * version order, each in its own transaction. Fails like the host when a migration creates a
     * table, index or view without the plugin's prefix ({@code <id with '-' as '_'>_}) or when a
     * migration file changed after it was applied; fails when there are no migrations at all.
     *
     * @return how many migrations ran now (0 when all were applied before)
     */
    public int migrate() {
        if (MigrationScanner.scan(classLoader, pluginId).isEmpty()) {
            String underscored = pluginId.replace('-', '_');
            String hint = !underscored.equals(pluginId) && classLoader.getResource("db/" + underscored + "/") != null
                    ? " (found db/" + underscored + "/: the folder is named after the plugin id, with '-')" : "";
            return fail("no migrations of plugin " + pluginId + " on the class path" + hint + "; put them in"
                    + " src/main/resources/db/" + pluginId + "/V001__create_tables.sql, V002__..., each creating only"
                    + " tables named " + PluginMigrations.tablePrefix(pluginId) + "...");
        }
        return new PluginMigrations(new Migrator(store)).apply(pluginId, classLoader);
    }

    // ----------------------------------------------------------------------------------------
    // Shop data

    /** Adds a customer without profile attributes (or clears an existing customer's). */
    public PluginTestbed customer(String id) {
        return customer(id, Map.of());
    }

    /**
     * Creates a customer, or replaces an existing customer's profile, through the host's
     * repository, and records a {@link CustomerUpserted} event.
     *
     * @param attributes profile attributes; values are strings, numbers or booleans, which
     *     summaries and events show as text ({@code 12000}, {@code true})
     */
    public PluginTestbed customer(String id, Map<String, ?> attributes) {
        requireId(id, "customer id");
        Map<String, Object> values = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("attribute '" + key + "' of customer " + id + " is a "
                        + value.getClass().getSimpleName() + "; attribute values are strings, numbers or booleans");
            }
            values.put(key, value);
        });
        Customer customer = new Customer(id, null, null, null, values);
        boolean created = store.inTransaction(c -> shop.upsertCustomer(c, customer, clock.millis()));
        pending.add(new CustomerUpserted(id, text(values), created));
        return this;
    }

    /** Adds an order placed at an ISO-8601 instant such as {@code 2026-01-02T10:00:00Z}. */
    public PluginTestbed order(String id, String customerId, String placedAt, long amountMinor) {
        return order(id, customerId, instant(placedAt, "placedAt of order " + id), amountMinor, null);
    }

    /** Adds an order placed at an ISO-8601 instant, through a sales channel such as {@code web} or {@code store}. */
    public PluginTestbed order(String id, String customerId, String placedAt, long amountMinor, String channel) {
        return order(id, customerId, instant(placedAt, "placedAt of order " + id), amountMinor, channel);
    }

    /**
     * Stores an order of an existing customer through the host's repository and records an
     * {@link OrderPlaced} event (source {@code api}). Posting the same order again changes
     * nothing and records no event, as in the host; the same id with other content is refused.
     *
     * @param amountMinor the order total in minor units (cents), at least 0
     */
    public PluginTestbed order(String id, String customerId, Instant placedAt, long amountMinor, String channel) {
        requireId(id, "order id");
        requireId(customerId, "customer id");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("order " + id + ": amount must be at least 0 minor units, not " + amountMinor);
        }
        Order order = new Order(id, customerId, placedAt, amountMinor, currency.getCurrencyCode(), channel, List.of());
        OrderOutcome outcome = store.inTransaction(c -> {
            if (!shop.customerExists(c, customerId)) {
                throw new IllegalArgumentException("order " + id + " is for customer " + customerId
                        + ", who does not exist yet; add the customer first with customer(\"" + customerId + "\", ...)");
            }
            return shop.placeOrders(c, List.of(order), "", clock.millis()).get(0);
        });
        if (outcome == OrderOutcome.CREATED) {
            pending.add(new OrderPlaced(id, customerId, placedAt, amountMinor, channel, "api"));
        }
        return this;
    }

    /** Refunds part or all of an order at an ISO-8601 instant such as {@code 2026-01-05T09:00:00Z}. */
    public PluginTestbed refund(String id, String orderId, long amountMinor, String refundedAt) {
        return refund(id, orderId, amountMinor, instant(refundedAt, "refundedAt of refund " + id));
    }

    /**
     * Stores a refund through the host's repository (never more than the order's unrefunded
     * amount, never before the order) and records an {@link OrderRefunded} event.
     *
     * @param amountMinor the money returned, in minor units, more than 0
     */
    public PluginTestbed refund(String id, String orderId, long amountMinor, Instant refundedAt) {
        requireId(id, "refund id");
        requireId(orderId, "order id");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("refund " + id + ": amount must be more than 0 minor units, not " + amountMinor);
        }
        Refund refund = new Refund(id, orderId, amountMinor, refundedAt);
        RefundOutcome outcome = store.inTransaction(c -> shop.addRefund(c, refund, clock.millis()));
        if (outcome.outcome() == OrderOutcome.CREATED) {
            pending.add(new OrderRefunded(id, orderId, outcome.customerId(), amountMinor, outcome.orderAmountMinor(),
                    outcome.refundedBeforeMinor(), refundedAt));
        }
        return this;
    }

    /**
     * Fills the empty store with the host's deterministic synthetic shop ({@code bin/patron
     * demo-data}): two years of orders ending today, with loyal, occasional, one-time, lapsed and
     * new customers and leads without orders; ids {@code c-000001}, ... The same seed, size and
     * date always give the same shop. Every record is also recorded as an event (orders with
     * source {@code demo}).
     *
     * @throws IllegalStateException when the store already holds customers
     */
    public GeneratedShop demoShop(int customers, long seed) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, not " + customers);
        }
        long existing = store.read(shop::countCustomers);
        if (existing > 0) {
            throw new IllegalStateException("demoShop fills an empty store, but this one already holds " + existing
                    + " customers; call demoShop before adding customers by hand");
        }
        long now = clock.millis();
        List<Customer> customerChunk = new ArrayList<>();
        List<Order> orderChunk = new ArrayList<>();
        List<Refund> refundChunk = new ArrayList<>();
        Map<String, String> customerByOrder = new HashMap<>();
        int[] totals = new int[3];
        Runnable flush = () -> {
            store.inTransaction(c -> {
                shop.insertCustomers(c, customerChunk, now);
                shop.insertOrders(c, orderChunk, now);
                shop.insertRefunds(c, refundChunk, customerByOrder, now);
                return null;
            });
            totals[0] += customerChunk.size();
            totals[1] += orderChunk.size();
            totals[2] += refundChunk.size();
            customerChunk.clear();
            orderChunk.clear();
            refundChunk.clear();
            customerByOrder.clear();
        };
        new DemoShop(seed, today(), zone, currency).generate(customers, (customer, orders, refunds) -> {
            customerChunk.add(customer);
            orderChunk.addAll(orders);
            refundChunk.addAll(refunds);
            pending.add(new CustomerUpserted(customer.id(), text(customer.attributes()), true));
            Map<String, Order> byId = new HashMap<>();
            for (Order o : orders) {
                customerByOrder.put(o.id(), o.customerId());
                byId.put(o.id(), o);
                pending.add(new OrderPlaced(o.id(), o.customerId(), o.placedAt(), o.amountMinor(), o.channel(), "demo"));
            }
            Map<String, Long> refundedBefore = new HashMap<>();
            for (Refund r : refunds) {
                Order o = byId.get(r.orderId());
                long before = refundedBefore.getOrDefault(r.orderId(), 0L);
                pending.add(new OrderRefunded(r.id(), r.orderId(), o.customerId(), r.amountMinor(), o.amountMinor(), before,
                        r.refundedAt()));
                refundedBefore.put(r.orderId(), before + r.amountMinor());
            }
            if (customerChunk.size() >= DEMO_CHUNK) {
                flush.run();
            }
        });
        if (!customerChunk.isEmpty()) {
            flush.run();
        }
        return new GeneratedShop(totals[0], totals[1], totals[2]);
    }

    // ----------------------------------------------------------------------------------------
    // Scoring

    /** Every customer as of today, built by the host's one-pass summary reader. */
    public Population population() {
        return population(today());
    }

    /**
     * Every customer as of the end of {@code asOf} in the shop zone, built by the host's one-pass
     * summary reader: orders and refunds after that day are left out; customers without orders
     * are included; customers come in id order.
     */
    public Population population(LocalDate asOf) {
        return new SummaryPopulation(asOf, store.read(c -> summaries.readAll(c, asOf, n -> { })));
    }

    /** One customer's summary as of the end of {@code asOf}, as the host builds it to re-score after an order. */
    public CustomerSummary summary(String customerId, LocalDate asOf) {
        CustomerSummary summary = store.read(c -> summaries.readOne(c, customerId, asOf));
        if (summary == null) {
            throw new IllegalArgumentException("no customer " + customerId + "; add it with customer(\"" + customerId + "\", ...)");
        }
        return summary;
    }

    /**
     * Fits {@code scorer} on the population as of {@code asOf} and returns the model as the host
     * hands it back to {@code score}: stored as JSON and read again, so a model that does not
     * survive storage shows here.
     */
    public Model fit(Scorer scorer, LocalDate asOf) {
        return fitOn(scorer, population(asOf));
    }

    /** A full scoring run as of today: see {@link #score(Scorer, LocalDate)}. */
    public Map<String, List<Score>> score(Scorer scorer) {
        return score(scorer, today());
    }

    /**
     * A full scoring run of one scorer as of {@code asOf}, as the host does it: the population is
     * read once, {@code fit} runs once, then {@code score} runs for every customer with the model
     * as stored. The scores replace this plugin's rows in the host's {@code scores} table, so SQL
     * over {@code scores} sees them.
     *
     * @return every customer's scores by customer id, in id order; an empty list for a customer the
     *     scorer has nothing to say about
     */
    public Map<String, List<Score>> score(Scorer scorer, LocalDate asOf) {
        SummaryPopulation population = (SummaryPopulation) population(asOf);
        Model model = fitOn(scorer, population);
        return scoreAndStore(scorer, model, population, true);
    }

    /** Scores every customer as of {@code asOf} with a given model, without fitting (the host's re-scoring path). */
    public Map<String, List<Score>> score(Scorer scorer, Model model, LocalDate asOf) {
        return scoreAndStore(scorer, model, (SummaryPopulation) population(asOf), false);
    }

    /**
     * Re-scores one customer as of today with a stored model and no refit, as the host does right
     * after that customer's order or refund arrives.
     */
    public List<Score> rescore(Scorer scorer, Model model, String customerId) {
        CustomerSummary summary = summary(customerId, today());
        List<Score> result = scoreOne(scorer, model, summary);
        long now = clock.millis();
        store.inTransaction(c -> {
            scores.deleteCustomer(c, customerId, pluginId, now);
            scores.write(c, rows(customerId, result, now), false);
            return null;
        });
        return result;
    }

    private Model fitOn(Scorer scorer, Population population) {
        Model model = scorer.fit(population);
        if (model == null) {
            return fail(scorer.getClass().getName() + ".fit returned null; return Model.EMPTY when there is nothing to learn");
        }
        return ModelJson.fromJson(new JsonObject(ModelJson.toJson(model).encode()));
    }

    private Map<String, List<Score>> scoreAndStore(Scorer scorer, Model model, SummaryPopulation population, boolean fullRun) {
        Map<String, List<Score>> result = new LinkedHashMap<>();
        List<ScoreRow> rows = new ArrayList<>();
        long now = clock.millis();
        for (CustomerSummary customer : population) {
            List<Score> customerScores = scoreOne(scorer, model, customer);
            result.put(customer.id(), customerScores);
            rows.addAll(rows(customer.id(), customerScores, now));
        }
        store.inTransaction(c -> {
            if (fullRun) {
                scores.deleteStale(c, pluginId, Long.MAX_VALUE);
            }
            scores.write(c, rows, false);
            return null;
        });
        return Collections.unmodifiableMap(result);
    }

    private List<Score> scoreOne(Scorer scorer, Model model, CustomerSummary customer) {
        List<Score> result = scorer.score(customer, model);
        if (result == null) {
            return fail(scorer.getClass().getName() + ".score returned null for customer " + customer.id()
                    + "; return an empty list when there is nothing to say about a customer");
        }
        Set<String> names = new HashSet<>();
        for (Score score : result) {
            if (score == null) {
                return fail(scorer.getClass().getName() + ".score returned a null score for customer " + customer.id());
            }
            if (!names.add(score.name())) {
                return fail(scorer.getClass().getName() + ".score returned two scores named '" + score.name()
                        + "' for customer " + customer.id() + "; score names must be unique within a plugin");
            }
        }
        return List.copyOf(result);
    }

    private List<ScoreRow> rows(String customerId, List<Score> customerScores, long now) {
        List<ScoreRow> rows = new ArrayList<>(customerScores.size());
        customerScores.forEach(s -> rows.add(new ScoreRow(customerId, pluginId, s, null, now)));
        return rows;
    }

    // ----------------------------------------------------------------------------------------
    // Events

    /** The events recorded since the last {@link #deliver}, oldest first. */
    public List<Object> pendingEvents() {
        return List.copyOf(pending);
    }

    /**
     * Delivers the events recorded since the last delivery to {@code handlers}, in the order they
     * were recorded, inside ONE write transaction, as the host does when it stores them. Runs of
     * events of one type go through the handler's batch method ({@code ordersPlaced},
     * {@code ordersRefunded}, {@code customersUpserted}), like one API request or import batch.
     * Each call runs under its own savepoint with the handler receiving a writable
     * {@code PluginDatabase} that is revoked when the call returns, on another thread, under
     * {@link Builder#eventTimeLimit the time limit}. A handler that throws or overruns has only
     * its own writes undone and gets no further events; the other handlers' writes commit; then
     * an {@link EventDeliveryException} reports the first failure.
     *
     * @return the number of events delivered
     * @throws EventDeliveryException when a handler threw or overran
     */
    public int deliver(ShopEventHandler... handlers) {
        if (handlers.length == 0) {
            throw new IllegalArgumentException("pass at least one event handler to deliver to");
        }
        List<Object> events = List.copyOf(pending);
        pending.clear();
        if (events.isEmpty()) {
            return 0;
        }
        List<List<Object>> batches = new ArrayList<>();
        for (Object event : events) {
            List<Object> last = batches.isEmpty() ? null : batches.get(batches.size() - 1);
            if (last != null && last.get(0).getClass() == event.getClass()) {
                last.add(event);
            } else {
                List<Object> batch = new ArrayList<>();
                batch.add(event);
                batches.add(batch);
            }
        }
        Map<ShopEventHandler, EventDeliveryException> failures = new LinkedHashMap<>();
        store.inTransaction(c -> {
            int savepoint = 0;
            for (List<Object> batch : batches) {
                for (ShopEventHandler handler : handlers) {
                    if (!failures.containsKey(handler)) {
                        EventDeliveryException failure = deliverUnderSavepoint(c, "patron_testbed_" + (++savepoint), handler, batch);
                        if (failure != null) {
                            failures.put(handler, failure);
                        }
                    }
                }
            }
            return null;
        });
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
        return events.size();
    }

    @SuppressWarnings("unchecked")
    private EventDeliveryException deliverUnderSavepoint(Connection c, String savepoint, ShopEventHandler handler,
                                                         List<Object> batch) throws SQLException {
        Object first = batch.get(0);
        String method = first instanceof OrderPlaced ? "ordersPlaced" : first instanceof OrderRefunded ? "ordersRefunded"
                : "customersUpserted";
        String what = "event handler " + handler.getClass().getSimpleName() + "." + method;
        execute(c, "SAVEPOINT " + savepoint);
        JdbcPluginDatabase db = new JdbcPluginDatabase(c, true, pluginId);
        try {
            calls.call(pluginId, what, handler.getClass().getClassLoader(), eventTimeLimit, () -> {
                if (first instanceof OrderPlaced) {
                    handler.ordersPlaced(List.copyOf((List<OrderPlaced>) (List<?>) batch), db);
                } else if (first instanceof OrderRefunded) {
                    handler.ordersRefunded(List.copyOf((List<OrderRefunded>) (List<?>) batch), db);
                } else {
                    handler.customersUpserted(List.copyOf((List<CustomerUpserted>) (List<?>) batch), db);
                }
                return null;
            });
            db.revoke();
            execute(c, "RELEASE SAVEPOINT " + savepoint);
            return null;
        } catch (PluginCalls.PluginCallException e) {
            db.revoke();
            execute(c, "ROLLBACK TO SAVEPOINT " + savepoint);
            execute(c, "RELEASE SAVEPOINT " + savepoint);
            return new EventDeliveryException(handler.getClass().getName(), e.getMessage()
                    + "; its writes were rolled back (in the host the plugin would now be marked failed and keep"
                    + " these events in its backlog)", e.getCause());
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    // ----------------------------------------------------------------------------------------
    // Exports

    /**
     * Runs a {@link DataExport} as {@code patron export <name>} does and returns the CSV file: the
     * export described and checked as when the plugin starts (its name, columns), the filters of
     * {@code request} checked against {@link DataExport#filters()}, {@code export} called on a
     * plugin-call thread under the host's limit with a read-only handle on one snapshot, and every
     * row written by the host's own CSV writer. Fails the test where the host would refuse the
     * export or a row (a bad name, a filter not declared, a row with the wrong number of values or
     * a value of a type the host cannot write); the plugin's own exception is thrown as it is.
     */
    public String exportCsv(DataExport export, ExportRequest request) {
        return runExport(export, request, Exporter.Format.CSV);
    }

    /**
     * Runs a {@link DataExport} like {@link #exportCsv} but as NDJSON, and returns each row as a
     * map from column to value, in column order: strings, whole numbers as {@code Long},
     * doubles, booleans and nulls, as an API client reading the file sees them (instants and
     * decimals are strings).
     */
    public List<Map<String, Object>> export(DataExport export, ExportRequest request) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : runExport(export, request, Exporter.Format.NDJSON).split("\n")) {
            if (!line.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                new JsonObject(line).forEach(e -> row.put(e.getKey(), e.getValue() instanceof Integer i ? Long.valueOf(i) : e.getValue()));
                rows.add(row);
            }
        }
        return rows;
    }

    private String runExport(DataExport export, ExportRequest request, Exporter.Format format) {
        if (!isIndexed(export.getClass())) {
            return fail(export.getClass().getName() + " is not in META-INF/extensions.idx, so the host would not find it: mark it"
                    + " with @org.pf4j.Extension and run PF4J's annotation processor");
        }
        ExportCatalogue catalogue;
        try {
            catalogue = ExportCatalogue.withExport(store, calls, new PluginExtension<>(pluginId, export, export.getClass().getClassLoader()));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        String name = catalogue.kinds().get(catalogue.kinds().size() - 1).name();
        Exporter.Prepared prepared;
        try {
            prepared = new Exporter(catalogue, zone).prepare(name, request.since().map(Instant::toString).orElse(null),
                    request.customerId().orElse(null));
        } catch (InvalidInputException e) {
            return fail("the host would refuse this request: " + e.getMessage() + "; declare the filter in filters()");
        }
        StringWriter out = new StringWriter();
        try {
            prepared.writeTo(format, out);
        } catch (PluginCalls.PluginCallException e) {
            Throwable failure = e.pluginFailure();
            if (failure instanceof RefusedRowException) {
                return fail("the host refused a row: " + failure.getMessage());
            }
            throw failure == null ? e : rethrow(failure);
        }
        return out.toString();
    }

    // ----------------------------------------------------------------------------------------
    // Looking at the database

    /** Runs a read-only query through the host's {@code PluginDatabase} and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return pluginStore.read(db -> db.query(sql, mapper, parameters));
    }

    /** Runs a query expected to return at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        return pluginStore.read(db -> db.queryOne(sql, mapper, parameters));
    }

    /** Runs an INSERT, UPDATE or DELETE in its own write transaction, e.g. to set up the plugin's tables. */
    public int update(String sql, Object... parameters) {
        return pluginStore.write(db -> db.update(sql, parameters));
    }

    /** The alerts the plugin raised, oldest first, resolved ones included. */
    public List<RaisedAlert> alerts() {
        return query("SELECT dedup_key, customer_id, rule, severity, title, detail, status, opened_at, last_seen_at"
                        + " FROM alerts WHERE plugin_id = ? ORDER BY opened_at, dedup_key",
                row -> new RaisedAlert(row.text("dedup_key"), row.text("customer_id"), row.text("rule"),
                        Severity.valueOf(row.text("severity")), row.text("title"), row.text("detail"), row.text("status"),
                        Instant.ofEpochMilli(row.whole("opened_at")), Instant.ofEpochMilli(row.whole("last_seen_at"))),
                pluginId);
    }

    /** Stops the plugins started with {@link #plugin}, closes the store and deletes a folder the testbed created. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = startedPlugins.size() - 1; i >= 0; i--) {
            try {
                startedPlugins.get(i).stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        calls.close();
        store.close();
        database.drop();
        if (ownedFolder != null) {
            deleteTree(ownedFolder);
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ----------------------------------------------------------------------------------------
    // Helpers

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PluginTestbed.class.getClassLoader();
    }

    private boolean isIndexed(Class<?> extensionClass) {
        Set<String> listed = new HashSet<>(lines(extensionClass.getClassLoader(), "META-INF/extensions.idx"));
        if (listed.contains(extensionClass.getName())) {
            return true;
        }
        for (Class<?> type = extensionClass; type != null; type = type.getSuperclass()) {
            for (Class<?> point : type.getInterfaces()) {
                if (lines(extensionClass.getClassLoader(), "META-INF/services/" + point.getName())
                        .contains(extensionClass.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> lines(ClassLoader loader, String resource) {
        List<String> result = new ArrayList<>();
        try {
            Enumeration<URL> urls = (loader != null ? loader : ClassLoader.getSystemClassLoader()).getResources(resource);
            while (urls.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(urls.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(result::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static Map<String, String> text(Map<String, ?> attributes) {
        Map<String, String> text = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (v != null) {
                text.put(k, String.valueOf(v));
            }
        });
        return text;
    }

    private static Instant instant(String text, String what) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be an ISO-8601 instant such as 2026-01-02T10:00:00Z, not '"
                    + text + "'", e);
        }
    }

    private static void requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < 0x21 || ch > 0x7e) {
                throw new IllegalArgumentException(what + " '" + id + "' must be printable ASCII without spaces, as the host"
                        + " requires");
            }
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the testbed folder " + folder, e);
        }
    }

    // ----------------------------------------------------------------------------------------

    /** Describes a testbed; {@link #start(Path)} opens it. */
    public static final class Builder {
        private final String pluginId;
        private String version = "1.0.0";
        private Map<String, String> settings = Map.of();
        private ZoneId zone = ZoneOffset.UTC;
        private Currency currency = Currency.getInstance("USD");
        private Instant now = DEFAULT_NOW;
        private ClassLoader classLoader;
        private Duration eventTimeLimit = DEFAULT_EVENT_TIME_LIMIT;

        private Builder(String pluginId) {
            this.pluginId = pluginId;
        }

        /** The plugin version the context reports (default {@code 1.0.0}). */
        public Builder version(String newVersion) {
            this.version = Objects.requireNonNull(newVersion, "version");
            return this;
        }

        /** The plugin's stored settings (default none: every reader returns its default). */
        public Builder settings(Map<String, String> values) {
            this.settings = Map.copyOf(values);
            return this;
        }

        /** Adds one stored setting. */
        public Builder setting(String key, String value) {
            Map<String, String> next = new LinkedHashMap<>(settings);
            next.put(key, value);
            this.settings = Map.copyOf(next);
            return this;
        }

        /** The shop's time zone (default UTC): days and as-of dates are counted in it. */
        public Builder zone(ZoneId newZone) {
            this.zone = Objects.requireNonNull(newZone, "zone");
            return this;
        }

        /** The shop's time zone by name, e.g. {@code Asia/Shanghai}. */
        public Builder zone(String zoneName) {
            return zone(ZoneId.of(zoneName));
        }

        /** The shop currency by ISO 4217 code (default {@code USD}); amounts are its minor units. */
        public Builder currency(String code) {
            this.currency = Currency.getInstance(code);
            return this;
        }

        /** What the plugin's clock reads at the start (default {@link #DEFAULT_NOW}). */
        public Builder now(Instant instant) {
            this.now = Objects.requireNonNull(instant, "now");
            return this;
        }

        /** What the plugin's clock reads at the start, as an ISO-8601 instant. */
        public Builder now(String instant) {
            return now(instant(instant, "now"));
        }

        /** Where migrations are looked up (default: the thread's context class loader, i.e. the test class path). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /** How long one event handler call may take (default {@link #DEFAULT_EVENT_TIME_LIMIT}, the host's). */
        public Builder eventTimeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the event time limit must be positive, not " + limit);
            }
            this.eventTimeLimit = limit;
            return this;
        }

        /**
         * Opens the testbed with its database in {@code folder} (created if needed; JUnit's
         * {@code @TempDir} is the usual choice) and applies the host's schema.
         */
        public PluginTestbed start(Path folder) {
            return open(folder, null);
        }

        /** Opens the testbed in a new temporary folder that {@link PluginTestbed#close()} deletes. */
        public PluginTestbed start() {
            try {
                Path folder = Files.createTempDirectory("patron-testbed-");
                return open(folder, folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder for the testbed", e);
            }
        }

        private PluginTestbed open(Path folder, Path owned) {
            Path file;
            try {
                Files.createDirectories(folder);
                file = folder.resolve(pluginId + "-testbed.db").toAbsolutePath();
                for (String suffix : List.of("", "-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(file + suffix));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the testbed database in " + folder, e);
            }
            TestbedDatabase database = TestbedDatabase.choose(file);
            Store store = database.open();
            try {
                new Migrator(store).migrate(Store.class.getClassLoader(), "host");
                return new PluginTestbed(this, store, database, owned);
            } catch (RuntimeException e) {
                store.close();
                database.drop();
                throw e;
            }
        }
    }
}
