package dev.patron.plugin.loyalty;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How often tiers are reviewed (setting {@code tierReview}); the review falls on day
 * {@code tierReviewDay} of the period's first month: monthly on that day of every month,
 * quarterly in January, April, July and October, yearly in January, daily every day.
 */
enum ReviewPeriod {
    DAILY(0), MONTHLY(1), QUARTERLY(3), YEARLY(12);

    private final int months;

    ReviewPeriod(int months) {
        this.months = months;
    }

    String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReviewPeriod parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The latest review date on or before {@code today}. */
    LocalDate latestOnOrBefore(LocalDate today, int day) {
        if (this == DAILY) {
            return today;
        }
        LocalDate candidate = periodStart(today).withDayOfMonth(day);
        return candidate.isAfter(today) ? candidate.minusMonths(months) : candidate;
    }

    /** The first review date after {@code today}. */
    LocalDate nextAfter(LocalDate today, int day) {
        if (this == DAILY) {
            return today.plusDays(1);
        }
        return latestOnOrBefore(today, day).plusMonths(months);
    }

    private LocalDate periodStart(LocalDate date) {
        int monthIndex = date.getMonthValue() - 1;
        return LocalDate.of(date.getYear(), monthIndex - monthIndex % months + 1, 1);
    }
}
