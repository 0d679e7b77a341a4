package dev.patron.host.cli;

import dev.patron.host.Patron;
import dev.patron.host.auth.Role;
import dev.patron.host.auth.Tokens;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patron tokens ...}: API tokens for integrations. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = {TokensCommand.CreateCommand.class, TokensCommand.ListCommand.class, TokensCommand.RevokeCommand.class})
final class TokensCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it once; only its hash is stored.")
    static final class CreateCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Option(names = "--name", required = true, description = "What the token is for, e.g. webshop-sync.")
        String name;

        @Option(names = "--role", required = true, description = "admin, staff or viewer.")
        String role;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
                Tokens.NewToken token = patron.auth().tokens().create(name, parsed, "cli");
                patron.auth().audit().record("cli", "token.create", name, parsed.json());
                System.out.println(token.secret());
                System.err.println("token " + name + " (" + parsed.json() + ") created; it is shown only this once."
                        + " Send it as: Authorization: Bearer <token>");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens with their last use.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Override
        public Integer call() {
            try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
                System.out.printf("%-36s %-24s %-8s %-24s %s%n", "ID", "NAME", "ROLE", "LAST USED", "STATE");
                for (Tokens.TokenInfo t : patron.auth().tokens().list()) {
                    System.out.printf("%-36s %-24s %-8s %-24s %s%n", t.id(), t.name(), t.role().json(),
                            t.lastUsedAt() == null ? "never" : t.lastUsedAt().toString(), t.revokedAt() == null ? "active" : "revoked");
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id or name.")
    static final class RevokeCommand implements Callable<Integer> {

        @Mixin
        HostOptions host = new HostOptions();

        @Parameters(index = "0", paramLabel = "ID_OR_NAME")
        String token;

        @Override
        public Integer call() {
            try (Patron patron = Patron.open(host.load(Map.of()), Clock.systemUTC())) {
                int revoked = patron.auth().tokens().revoke(token);
                if (revoked == 0) {
                    System.err.println("patron: no active token " + token);
                    return 2;
                }
                patron.auth().audit().record("cli", "token.revoke", token, null);
                System.out.println("revoked " + revoked + " token(s) called " + token);
            }
            return 0;
        }
    }
}
