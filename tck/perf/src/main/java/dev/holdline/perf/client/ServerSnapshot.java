package dev.holdline.perf.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /stats} reported.
 *
 * @param holdlineParked          requests parked by Holdline ({@code LongPollRuntime.parked()})
 * @param bareParked              requests parked by the bare {@code startAsync()} servlet
 * @param bareDirectParked        requests parked by the bare servlet that writes on the publisher's thread
 * @param blockingParked          request threads blocked in the blocking servlet
 * @param heapUsed                heap in use, in bytes (after full collections when asked for)
 * @param liveThreads             threads alive in the server JVM
 * @param requestThreadsInService threads inside a measured servlet's {@code service()}
 * @param requestThreadsMax       size of the measured request-thread pool
 */
public record ServerSnapshot(int holdlineParked, int bareParked, int bareDirectParked, int blockingParked, long heapUsed, int liveThreads,
                             int requestThreadsInService, int requestThreadsMax) {

    private static final Pattern MEMBER = Pattern.compile("\"(\\w+)\":(-?\\d+)");

    /** Reads the flat JSON object of {@code /stats}. */
    static ServerSnapshot parse(String json) {
        java.util.Map<String, Long> values = new java.util.HashMap<>();
        Matcher matcher = MEMBER.matcher(json);
        while (matcher.find()) {
            values.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return new ServerSnapshot(
                values.get("holdlineParked").intValue(), values.get("bareParked").intValue(), values.get("bareDirectParked").intValue(),
                values.get("blockingParked").intValue(), values.get("heapUsed"), values.get("liveThreads").intValue(),
                values.get("requestThreadsInService").intValue(), values.get("requestThreadsMax").intValue());
    }
}
