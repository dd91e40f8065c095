/**
 * The {@link dev.holdline.coalesce.cdi.Coalesced} interceptor binding: coalescing for CDI bean methods.
 * Loaded only when a CDI container discovers the jar (its {@code META-INF/beans.xml} is annotated mode).
 */
package dev.holdline.coalesce.cdi;
