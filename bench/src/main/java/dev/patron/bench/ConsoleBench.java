package dev.patron.bench;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.auth.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * The staff console's customer list at the run's scale: {@code GET /console/customers} as a
 * signed-in administrator, one request at a time as a person pages through it: the first page,
 * one filtered by segment, the same sorted by lifetime value, one deep in the list, and a search
 * by name. Each is held to the console's limit of 200 ms a page; the same query as API
 * JSON ({@code GET /api/v1/customers}) is timed in the same run beside it.
 */
final class ConsoleBench {

    /** What a console page may take on this machine. */
    static final double LIMIT_MS = 200;

    private ConsoleBench() {
    }

    /** One kind of page: its row, what it is, and its console and API addresses. */
    private record Page(String id, String measure, String console, String api) {
    }

    static void run(Patron patron, int port, String token, Dataset data, int requests, Results results)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        String cookie = signIn(patron, client, base);
        String segment = mostCommonSegment(patron);
        String surname = surname(patron, data.customerId(Math.max(1, data.customers / 2)));
        long customers = patron.store().read(c -> patron.shop().countCustomers(c));
        long deepPage = Math.max(1, (customers / 50) * 9 / 10);
        Page[] pages = {
            new Page("console.first", "GET /console/customers, first page", "/console/customers", "/api/v1/customers?size=50"),
            new Page("console.filtered", "… segment '" + segment + "'", "/console/customers?segment=" + enc(segment),
                    "/api/v1/customers?size=50&segment=" + enc(segment)),
            new Page("console.sorted", "… segment '" + segment + "', sorted by lifetime value",
                    "/console/customers?segment=" + enc(segment) + "&sort=clv",
                    "/api/v1/customers?size=50&segment=" + enc(segment) + "&sort=clv"),
            new Page("console.clv", "… every customer, sorted by lifetime value", "/console/customers?sort=clv",
                    "/api/v1/customers?size=50&sort=clv"),
            new Page("console.recent", "… every customer, most recent buyer first", "/console/customers?sort=recent",
                    "/api/v1/customers?size=50&sort=recent"),
            new Page("console.deep", "… page " + Stats.count(deepPage) + " of " + Stats.count((customers + 49) / 50),
                    "/console/customers?page=" + deepPage, "/api/v1/customers?size=50&page=" + deepPage),
            new Page("console.search", "… search '" + surname + "' (name, e-mail or id)", "/console/customers?q=" + enc(surname),
                    "/api/v1/customers?size=50&q=" + enc(surname)),
        };
        int warmup = Math.max(3, requests / 10);
        for (Page page : pages) {
            time(client, base + page.console(), "Cookie", cookie, warmup);
            time(client, base + page.api(), "Authorization", "Bearer " + token, warmup);
            double[] console = time(client, base + page.console(), "Cookie", cookie, requests);
            double[] api = time(client, base + page.api(), "Authorization", "Bearer " + token, requests);
            double p50 = Stats.percentile(console.clone(), 50);
            double p99 = Stats.percentile(console.clone(), 99);
            results.measured(page.id(), page.measure(), "p50 " + Stats.ms(p50) + ", p99 " + Stats.ms(p99),
                    "limit " + Stats.ms(LIMIT_MS) + "; the same query as API JSON: p50 " + Stats.ms(Stats.percentile(api.clone(), 50))
                            + ", p99 " + Stats.ms(Stats.percentile(api.clone(), 99)),
                    p99 / LIMIT_MS, "p99 < " + Stats.ms(LIMIT_MS), p99 < LIMIT_MS,
                    page.id().equals("console.first") ? Stats.count(requests) + " requests per page, one at a time on loopback after "
                            + warmup + " untimed, as a signed-in administrator; the page is rendered HTML (50 customers with their"
                            + " segment and tier labels, the filter lists); ratio = p99 ÷ the limit" : null);
        }
    }

    /** Signs a fresh administrator in through the console's form and returns the session cookie. */
    private static String signIn(Patron patron, HttpClient client, String base) throws IOException, InterruptedException {
        String name = "bench-console-" + Long.toString(System.nanoTime(), 36);
        String password = Secrets.random(16);
        patron.auth().users().add(name, Role.ADMIN, password);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + enc(name) + "&password=" + enc(password) + "&next=%2Fconsole"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("set-cookie").map(c -> c.split(";")[0])
                .orElseThrow(() -> new IOException("signing in to the console answered " + response.statusCode() + ": " + response.body()));
    }

    private static double[] time(HttpClient client, String url, String header, String value, int n)
            throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build();
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(get, HttpResponse.BodyHandlers.ofString());
            millis[i] = Stats.millis(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return millis;
    }

    /** The segment label most customers have (the filter a person is most likely to pick), or "" without scores. */
    private static String mostCommonSegment(Patron patron) {
        return patron.store().read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT label FROM scores WHERE plugin_id = 'rfm' AND name = 'segment'"
                    + " AND label IS NOT NULL GROUP BY label ORDER BY COUNT(*) DESC, label LIMIT 1");
                 ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
    }

    /** The last word of a customer's name: a search a person types. */
    private static String surname(Patron patron, String customerId) {
        String name = patron.store().read(c -> patron.shop().findCustomer(c, customerId)).map(dev.patron.host.shop.Customer::name)
                .orElse(customerId);
        String[] words = name == null ? new String[] {customerId} : name.trim().split("\\s+");
        return words[words.length - 1];
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
