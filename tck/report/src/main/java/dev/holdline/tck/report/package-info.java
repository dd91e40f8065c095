/**
 * The TCK conformance report: joins the runners' test results with the suite's
 * {@link dev.holdline.tck.api.Assertion} ids and the assertions of {@code docs/spec/*.md}, and writes
 * {@code docs/conformance.md} and the observation table of {@code docs/containers.md}.
 * {@link dev.holdline.tck.report.ReportMain} is the entry point.
 */
package dev.holdline.tck.report;
