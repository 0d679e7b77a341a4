package dev.patron.it;

/** The small plugins the platform tests install, each exercising one extension point. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** Routes, a page with a nav entry, a customer panel, an asset, messages, a migration and settings. */
    static TestPlugin hello(String version) {
        return TestPlugin.plugin("hello").version(version)
                .java("HelloWeb", """
                        import dev.patron.api.web.*;
                        import java.util.*;
                        @org.pf4j.Extension
                        public class HelloWeb implements WebContribution {
                          private final dev.patron.api.PluginContext context;
                          public HelloWeb(dev.patron.api.PluginContext context) { this.context = context; }
                          public List<ApiRoute> routes() {
                            return List.of(
                              ApiRoute.get("/greeting", "Says hello", r -> ApiResponse.ok(Map.of(
                                  "text", context.settings().text("greeting", "Hello") + ", " + r.queryParameter("name").orElse("world"),
                                  "version", context.pluginVersion()))),
                              ApiRoute.post("/greetings/:id", "Stores a greeting", r -> {
                                String text = String.valueOf(r.bodyObject().get("text"));
                                if (text.isBlank()) {
                                  throw new ApiProblem(400, "Invalid input", "text is blank", Map.of("text", "must not be blank"), Map.of());
                                }
                                context.store().write(db -> db.update("INSERT INTO hello_greetings (id, text) VALUES (?, ?)", r.pathParameter("id"), text));
                                return ApiResponse.created(Map.of("id", r.pathParameter("id")));
                              }));
                          }
                          public List<ConsolePage> pages() {
                            return List.of(new ConsolePage("/", "hello.nav", "hello.title", r -> new PageView("page.ftlh", Map.of("who", "shop"))));
                          }
                          public Optional<PageView> customerPanel(PageRequest request) {
                            return Optional.of(new PageView("panel.ftlh", Map.of("customer", request.customerId())));
                          }
                        }
                        """)
                .java("HelloSettings", """
                        import dev.patron.api.settings.*;
                        import java.util.*;
                        @org.pf4j.Extension
                        public class HelloSettings implements SettingsSchema {
                          public List<SettingField> fields() {
                            return List.of(SettingField.text("greeting", "Hello").describedAs("Greeting", "The word to greet with."),
                                SettingField.wholeNumber("times", 1).between(1.0, 10.0));
                          }
                          public List<String> validate(Map<String, String> values) {
                            return values.get("greeting").isBlank() ? List.of("greeting must not be blank") : List.of();
                          }
                        }
                        """)
                .java("HelloHealth", """
                        @org.pf4j.Extension
                        public class HelloHealth implements dev.patron.api.health.HealthCheck {
                          public Health check() { return Health.healthy(); }
                        }
                        """)
                .resource("templates/hello/page.ftlh", "<p id=\"hello-page\">${t(\"hello.title\")}: hello ${who}</p>")
                .resource("templates/hello/panel.ftlh", "<p class=\"hello-panel\">Hello ${customer}</p>")
                .resource("i18n/hello/messages.properties", "hello.nav=Hello\nhello.title=Hello page\n")
                .resource("assets/hello/hello.css", "p.hello-panel { color: green; }\n")
                .resource("db/hello/V001__greetings.sql", "CREATE TABLE hello_greetings (id TEXT PRIMARY KEY, text TEXT NOT NULL);\n");
    }

    /** A scorer that throws for every customer. */
    static TestPlugin brokenScorer() {
        return TestPlugin.plugin("broken-scorer").java("Broken", """
                import dev.patron.api.scoring.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Broken implements Scorer {
                  public List<Score> score(CustomerSummary customer, Model model) {
                    throw new IllegalStateException("broken on purpose for " + customer.id());
                  }
                }
                """);
    }

    /** An event handler that never returns. */
    static TestPlugin hangingHandler() {
        return TestPlugin.plugin("hanging-handler").java("Hang", """
                import dev.patron.api.events.*;
                import dev.patron.api.data.PluginDatabase;
                @org.pf4j.Extension
                public class Hang implements ShopEventHandler {
                  public void orderPlaced(OrderPlaced event, PluginDatabase db) {
                    try {
                      new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                }
                """);
    }

    /** An event handler that records orders in its own table and fails on its first call only. */
    static TestPlugin flakyHandler() {
        return TestPlugin.plugin("flaky").java("Flaky", """
                import dev.patron.api.events.*;
                import dev.patron.api.data.PluginDatabase;
                @org.pf4j.Extension
                public class Flaky implements ShopEventHandler {
                  static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();
                  public void orderPlaced(OrderPlaced event, PluginDatabase db) {
                    db.update("INSERT INTO flaky_seen (order_id) VALUES (?)", event.orderId());
                    if (CALLS.incrementAndGet() == 1) {
                      throw new IllegalStateException("first call fails");
                    }
                  }
                }
                """).resource("db/flaky/V001__seen.sql", "CREATE TABLE flaky_seen (order_id TEXT PRIMARY KEY);\n");
    }

    /** A plugin whose migration creates a table without its prefix. */
    static TestPlugin badMigration() {
        return TestPlugin.plugin("bad-migration").resource("db/bad-migration/V001__oops.sql", "CREATE TABLE customers_copy (id TEXT);\n");
    }

    /** Raises an alert for an order over 1,000.00 and resolves it when the customer orders something small. */
    static TestPlugin watcher() {
        return TestPlugin.plugin("watcher").java("Watch", """
                import dev.patron.api.alerts.*;
                import dev.patron.api.events.*;
                import dev.patron.api.data.PluginDatabase;
                @org.pf4j.Extension
                public class Watch implements ShopEventHandler {
                  private final dev.patron.api.PluginContext context;
                  public Watch(dev.patron.api.PluginContext context) { this.context = context; }
                  public void orderPlaced(OrderPlaced event, PluginDatabase db) {
                    String key = "big:" + event.customerId();
                    if (event.amountMinor() > 100_000) {
                      context.alerts().raise(new AlertRequest(key, event.customerId(), "big-order", Severity.WARNING,
                          "Big order from " + event.customerId(), "order " + event.orderId()), db);
                    } else {
                      context.alerts().resolve(java.util.List.of(key), db);
                    }
                  }
                }
                """);
    }

    /**
     * Two exports: {@code customer-names} streams the customers table by id, {@code broken-export}
     * writes two rows and then fails.
     */
    static TestPlugin exports() {
        return TestPlugin.plugin("notes").requires(">=1.1.0 & <2.0.0")
                .java("CustomerNames", """
                        import dev.patron.api.data.PluginDatabase;
                        import dev.patron.api.exports.*;
                        import java.util.List;
                        import java.util.concurrent.atomic.AtomicLong;
                        @org.pf4j.Extension
                        public class CustomerNames implements DataExport {
                          public String name() { return "customer-names"; }
                          public String description() { return "Every customer's name, by id"; }
                          public List<String> columns() { return List.of("id", "name", "position"); }
                          public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
                            AtomicLong position = new AtomicLong();
                            db.forEach("SELECT id, name FROM customers ORDER BY id",
                                row -> sink.row(row.text("id"), row.text("name"), position.incrementAndGet()));
                          }
                        }
                        """)
                .java("BrokenExport", """
                        import dev.patron.api.data.PluginDatabase;
                        import dev.patron.api.exports.*;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class BrokenExport implements DataExport {
                          public String name() { return "broken-export"; }
                          public String description() { return "Fails after two rows"; }
                          public List<String> columns() { return List.of("n"); }
                          public void export(ExportRequest request, PluginDatabase db, ExportSink sink) {
                            sink.row(1);
                            sink.row(2);
                            throw new dev.patron.api.PatronPluginException("the notes archive is unreachable; check its mount");
                          }
                        }
                        """);
    }

    /** A job due once an hour that records each of its runs in its own table. */
    static TestPlugin ticker() {
        return TestPlugin.plugin("ticker").java("Tick", """
                import dev.patron.api.jobs.ScheduledJob;
                @org.pf4j.Extension
                public class Tick implements ScheduledJob {
                  private final dev.patron.api.PluginContext context;
                  public Tick(dev.patron.api.PluginContext context) { this.context = context; }
                  public String name() { return "tick"; }
                  public java.time.Duration interval() { return java.time.Duration.ofHours(1); }
                  public void run() {
                    context.store().write(db -> db.update("INSERT INTO ticker_runs (ran_at) VALUES (?)", java.time.Instant.now()));
                  }
                }
                """).resource("db/ticker/V001__runs.sql", "CREATE TABLE ticker_runs (ran_at BIGINT NOT NULL);\n");
    }
}
