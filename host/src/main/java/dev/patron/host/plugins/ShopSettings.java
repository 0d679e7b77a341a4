package dev.patron.host.plugins;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;

/** The shop-wide facts every plugin context carries. */
public record ShopSettings(Clock clock, ZoneId zone, Currency currency) {
}
