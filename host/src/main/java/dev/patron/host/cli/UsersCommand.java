package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.auth.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patron users ...}: staff accounts for the console. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage console users.",
        subcommands = {UsersCommand.AddCommand.class, UsersCommand.ListCommand.class})
final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user. The password is asked for (or read from standard input with --password-stdin).")
    static final class AddCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Parameters(index = "0", paramLabel = "NAME", description = "Sign-in name.")
        String name;

        @Option(names = "--role", required = true, description = "admin, staff or viewer.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            Role parsed = Role.parse(role);
            String password = readPassword();
            try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
                Users.User user = patron.auth().users().add(name, parsed, password);
                patron.auth().audit().record("cli", "user.add", user.name(), user.role().json());
                System.out.println("user " + user.name() + " created with role " + user.role().json());
            }
            return 0;
        }

        private String readPassword() throws Exception {
            Console console = System.console();
            if (!passwordStdin && console != null) {
                char[] first = console.readPassword("Password for %s: ", name);
                char[] second = console.readPassword("Repeat it: ");
                if (!java.util.Arrays.equals(first, second)) {
                    throw new IllegalStateException("the two passwords differ; nothing was created");
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalStateException("no password on standard input; pipe it in or run in a terminal");
            }
            return line;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Override
        public Integer call() {
            try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
                System.out.printf("%-32s %-8s %s%n", "NAME", "ROLE", "STATE");
                for (Users.User user : patron.auth().users().list()) {
                    System.out.printf("%-32s %-8s %s%n", user.name(), user.role().json(), user.disabled() ? "disabled" : "active");
                }
            }
            return 0;
        }
    }
}
