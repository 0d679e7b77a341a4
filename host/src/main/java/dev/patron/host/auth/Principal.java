package dev.patron.host.auth;

/**
 * Who is making a request.
 *
 * @param name the user's or token's name, for the audit log
 * @param kind {@code user} (a console session) or {@code token}
 * @param userId the user's id for sessions, null for tokens
 */
public record Principal(String name, Role role, String kind, String userId) {

    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
