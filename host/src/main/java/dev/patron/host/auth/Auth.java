package dev.patron.host.auth;

import dev.patron.host.store.Store;
import java.time.Clock;

/** The authentication services of one Patron, wired together. */
public record Auth(Users users, Tokens tokens, Sessions sessions, AuditLog audit, LoginThrottle throttle) {

    public static Auth over(Store store, Clock clock) {
        return new Auth(new Users(store, new PasswordHasher(), clock), new Tokens(store, clock), new Sessions(store, clock),
                new AuditLog(store, clock), new LoginThrottle(clock));
    }
}
