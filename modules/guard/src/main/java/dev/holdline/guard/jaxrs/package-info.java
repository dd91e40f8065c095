/**
 * JAX-RS side of the guards: the exception mapper that answers a guard's rejection exactly as the
 * servlet filters do.
 */
package dev.holdline.guard.jaxrs;
