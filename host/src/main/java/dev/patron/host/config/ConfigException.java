package dev.patron.host.config;

/** A configuration value is missing or wrong; the message names the key, where it came from and the fix. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
