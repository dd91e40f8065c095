package dev.holdline.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP dates (RFC 9110 section 5.6.7): formats the preferred IMF-fixdate and parses it as well as the
 * obsolete RFC 850 and asctime forms that recipients must still accept.
 *
 * <p>Parsing is exact: names are case-sensitive, the layout is fixed and the time zone is always
 * {@code GMT}, as the grammar says. The day name must be a real one but is not checked against the
 * date, since the date alone defines the instant and senders do get the weekday wrong.
 */
public final class HttpDate {

    private static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> LONG_DAY_NAMES =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final String EXPECTED = "expected an HTTP date such as 'Sun, 06 Nov 1994 08:49:37 GMT'"
            + " (IMF-fixdate), 'Sunday, 06-Nov-94 08:49:37 GMT' (RFC 850) or 'Sun Nov  6 08:49:37 1994' (asctime)";

    private HttpDate() {
    }

    /**
     * Formats an instant as IMF-fixdate, for example {@code Sun, 06 Nov 1994 08:49:37 GMT}. Fractions
     * of a second are dropped.
     *
     * @throws IllegalArgumentException if the year does not fit in four digits
     */
    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            throw new IllegalArgumentException("Instant " + instant + " has no IMF-fixdate: the year must have four digits");
        }
        return time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US)
                + ", " + twoDigits(time.getDayOfMonth())
                + " " + MONTHS.get(time.getMonthValue() - 1)
                + " " + String.format(Locale.ROOT, "%04d", time.getYear())
                + " " + twoDigits(time.getHour()) + ":" + twoDigits(time.getMinute()) + ":" + twoDigits(time.getSecond())
                + " GMT";
    }

    /** Parses an HTTP date, reading two-digit RFC 850 years relative to the current system time. */
    public static Instant parse(String value) {
        return parse(value, Clock.systemUTC().instant());
    }

    /**
     * Parses an HTTP date in any of its three forms.
     *
     * @param now the reference for RFC 850's two-digit years, which RFC 9110 places no more than 50
     *            years in the future
     * @throws IllegalArgumentException naming the value and the accepted forms if it is not an HTTP date
     */
    public static Instant parse(String value, Instant now) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(now, "now");
        try {
            return parseOrNull(value, now);
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(invalid(value) + " (" + e.getMessage() + ")", e);
        }
    }

    private static Instant parseOrNull(String value, Instant now) {
        int comma = value.indexOf(',');
        if (comma == 3 && value.length() == 29) {
            return imfFixdate(value);
        }
        if (comma > 3) {
            return rfc850(value, comma, now);
        }
        if (comma < 0 && value.length() == 24) {
            return asctime(value);
        }
        throw new IllegalArgumentException(invalid(value));
    }

    // "Sun, 06 Nov 1994 08:49:37 GMT"
    private static Instant imfFixdate(String value) {
        dayName(value, value.substring(0, 3), DAY_NAMES);
        literal(value, 3, ", ");
        int day = digits(value, 5, 2);
        literal(value, 7, " ");
        int month = month(value, 8);
        literal(value, 11, " ");
        int year = digits(value, 12, 4);
        literal(value, 16, " ");
        Instant instant = instant(value, year, month, day, 17);
        literal(value, 25, " GMT");
        return instant;
    }

    // "Sunday, 06-Nov-94 08:49:37 GMT"
    private static Instant rfc850(String value, int comma, Instant now) {
        dayName(value, value.substring(0, comma), LONG_DAY_NAMES);
        if (value.length() != comma + 24) {
            throw new IllegalArgumentException(invalid(value));
        }
        int at = comma;
        literal(value, at, ", ");
        int day = digits(value, at + 2, 2);
        literal(value, at + 4, "-");
        int month = month(value, at + 5);
        literal(value, at + 8, "-");
        int twoDigitYear = digits(value, at + 9, 2);
        literal(value, at + 11, " ");
        Instant instant = instant(value, fullYear(twoDigitYear, now), month, day, at + 12);
        literal(value, at + 20, " GMT");
        return instant;
    }

    // "Sun Nov  6 08:49:37 1994"
    private static Instant asctime(String value) {
        dayName(value, value.substring(0, 3), DAY_NAMES);
        literal(value, 3, " ");
        int month = month(value, 4);
        literal(value, 7, " ");
        int day = value.charAt(8) == ' ' ? digits(value, 9, 1) : digits(value, 8, 2);
        literal(value, 10, " ");
        literal(value, 19, " ");
        int year = digits(value, 20, 4);
        return instant(value, year, month, day, 11);
    }

    private static int fullYear(int twoDigitYear, Instant now) {
        int currentYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        int year = currentYear - Math.floorMod(currentYear, 100) + twoDigitYear;
        if (year > currentYear + 50) {
            year -= 100;
        } else if (year <= currentYear - 50) {
            year += 100;
        }
        return year;
    }

    // "08:49:37" at offset; second 60 is a leap second, which java.time folds into the next minute
    private static Instant instant(String value, int year, int month, int day, int timeOffset) {
        int hour = digits(value, timeOffset, 2);
        literal(value, timeOffset + 2, ":");
        int minute = digits(value, timeOffset + 3, 2);
        literal(value, timeOffset + 5, ":");
        int second = digits(value, timeOffset + 6, 2);
        if (hour > 23 || minute > 59 || second > 60) {
            throw new IllegalArgumentException(invalid(value) + " (time of day out of range)");
        }
        LocalDate date = LocalDate.of(year, month, day);
        return date.atTime(hour, minute, Math.min(second, 59)).toInstant(ZoneOffset.UTC).plusSeconds(second == 60 ? 1 : 0);
    }

    private static void dayName(String value, String name, List<String> names) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(invalid(value) + " (unknown day name '" + name + "')");
        }
    }

    private static int month(String value, int offset) {
        int index = MONTHS.indexOf(value.substring(offset, offset + 3));
        if (index < 0) {
            throw new IllegalArgumentException(invalid(value) + " (unknown month '" + value.substring(offset, offset + 3) + "')");
        }
        return index + 1;
    }

    private static int digits(String value, int offset, int count) {
        int result = 0;
        for (int i = offset; i < offset + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(invalid(value) + " (expected a digit at position " + i + ")");
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static void literal(String value, int offset, String expected) {
        if (!value.startsWith(expected, offset)) {
            throw new IllegalArgumentException(invalid(value) + " (expected '" + expected + "' at position " + offset + ")");
        }
    }

    private static String twoDigits(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    private static String invalid(String value) {
        return "Invalid HTTP date '" + value + "': " + EXPECTED;
    }
}
