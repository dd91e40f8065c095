/**
 * The bounded soak (issue 3 item 9): poll cycles against Holdline on a server JVM, a fifth of them ended
 * abruptly mid-wait, then checks that nothing stays parked and the heap did not grow.
 */
package dev.holdline.perf.soak;
