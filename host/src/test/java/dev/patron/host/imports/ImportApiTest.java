package dev.patron.host.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.config.PatronConfig;
import dev.patron.host.web.WebServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/imports then GET its status and report, against a real server on a free port. */
@ExtendWith(VertxExtension.class)
class ImportApiTest {

    private static final String CUSTOMERS = "id,name,email\nc-1,Ann,ann@example.com\nc-2,Bo,bo@example.com\nc-3,Cy,not-mail\n";

    @TempDir
    Path dir;
    private Patron patron;
    private WebServer server;
    private WebClient client;
    private int port;
    private String token;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext context) {
        PatronConfig config = new PatronConfig("127.0.0.1", 0, "jdbc:sqlite:" + dir.resolve("data/patron.db"),
                Currency.getInstance("USD"), ZoneId.of("UTC"), dir.resolve("plugins"), dir);
        patron = Patron.open(config, Clock.systemUTC());
        token = patron.auth().tokens().create("tests", Role.ADMIN, "tests").secret();
        server = new WebServer(vertx, patron);
        client = WebClient.create(vertx);
        server.start().onComplete(context.succeeding(p -> {
            port = p;
            context.completeNow();
        }));
    }

    @AfterEach
    void stop() {
        server.close();
        patron.close();
    }

    private Future<HttpResponse<Buffer>> post(String query, Buffer body) {
        return client.post(port, "127.0.0.1", "/api/v1/imports?" + query)
                .putHeader("Authorization", "Bearer " + token).sendBuffer(body);
    }

    private Future<HttpResponse<Buffer>> get(String path) {
        return client.get(port, "127.0.0.1", path).putHeader("Authorization", "Bearer " + token).send();
    }

    /** Follows the job until it ends. */
    private Future<JsonObject> finished(Vertx vertx, String id) {
        return get("/api/v1/imports/" + id).compose(response -> {
            JsonObject job = response.bodyAsJsonObject();
            if (!"queued".equals(job.getString("status")) && !"running".equals(job.getString("status"))) {
                return Future.succeededFuture(job);
            }
            Promise<JsonObject> later = Promise.promise();
            vertx.setTimer(50, t -> finished(vertx, id).onComplete(later));
            return later.future();
        });
    }

    @Test
    void anUploadIsImportedInTheBackgroundAndItsRejectedRowsDownloaded(Vertx vertx, VertxTestContext context) {
        post("kind=customers&fileName=customers.csv", Buffer.buffer(CUSTOMERS))
                .compose(accepted -> {
                    context.verify(() -> {
                        assertThat(accepted.statusCode()).isEqualTo(202);
                        assertThat(accepted.getHeader("Location")).startsWith("/api/v1/imports/");
                    });
                    return finished(vertx, accepted.bodyAsJsonObject().getString("id"));
                })
                .compose(job -> {
                    context.verify(() -> {
                        assertThat(job.getString("status")).isEqualTo("succeeded");
                        assertThat(job.getJsonObject("written").getJsonObject("customers").getLong("created")).isEqualTo(2);
                        assertThat(job.getLong("rowsRejected")).isEqualTo(1);
                        assertThat(job.getJsonObject("progress").getLong("rowsRead")).isEqualTo(3);
                        assertThat(job.getJsonArray("firstIssues").getJsonObject(0).getLong("line")).isEqualTo(4);
                    });
                    return get(job.getString("report"));
                })
                .onComplete(context.succeeding(report -> context.verify(() -> {
                    assertThat(report.statusCode()).isEqualTo(200);
                    assertThat(report.getHeader("Content-Type")).startsWith("text/csv");
                    assertThat(report.bodyAsString()).startsWith("line,column,value,reason,outcome,code")
                            .contains("4,email,not-mail,");
                    context.completeNow();
                })));
    }

    @Test
    void anUploadLargerThanTheJsonBodyLimitStreamsToDisk(Vertx vertx, VertxTestContext context) {
        String pad = "x".repeat(6 * 1024 * 1024);
        String file = "id,name,pad\nc-1,Ann," + pad + "\nc-2,Bo," + pad + "\nc-3,Cy," + pad + "\n";
        post("kind=customers&map=pad%3D-", Buffer.buffer(file))
                .compose(accepted -> {
                    context.verify(() -> assertThat(accepted.statusCode()).isEqualTo(202));
                    return finished(vertx, accepted.bodyAsJsonObject().getString("id"));
                })
                .onComplete(context.succeeding(job -> context.verify(() -> {
                    assertThat(job.getJsonObject("progress").getLong("bytesTotal")).isGreaterThan(16L * 1024 * 1024);
                    assertThat(job.getJsonObject("written").getJsonObject("customers").getLong("created")).isEqualTo(3);
                    context.completeNow();
                })));
    }

    @Test
    void badParametersAndBadHeadersAreRefusedAtOnce(VertxTestContext context) {
        post("kind=invoices&dryRun=maybe", Buffer.buffer(CUSTOMERS))
                .compose(bad -> {
                    context.verify(() -> {
                        assertThat(bad.statusCode()).isEqualTo(400);
                        assertThat(bad.bodyAsJsonObject().getJsonArray("errors")).hasSize(2);
                    });
                    return post("kind=orders", Buffer.buffer(CUSTOMERS));
                })
                .compose(refused -> {
                    context.verify(() -> {
                        assertThat(refused.statusCode()).isEqualTo(400);
                        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("column 'name' is not a field of orders");
                    });
                    return client.post(port, "127.0.0.1", "/api/v1/imports?kind=customers").sendBuffer(Buffer.buffer(CUSTOMERS));
                })
                .compose(anonymous -> {
                    context.verify(() -> assertThat(anonymous.statusCode()).isEqualTo(401));
                    return get("/api/v1/imports/no-such-job");
                })
                .onComplete(context.succeeding(missing -> context.verify(() -> {
                    assertThat(missing.statusCode()).isEqualTo(404);
                    long customers = patron.store().read(c -> patron.shop().countCustomers(c));
                    assertThat(customers).isZero();
                    context.completeNow();
                })));
    }
}
